package fgscan.lib.network_test

import rego.v1

import data.fgscan.lib.network

test_ascending_is_numeric_and_distinct if {
	network.ascending([443, 80, 9, 1000, 80]) == [9, 80, 443, 1000]
	network.ascending([]) == []
	network.port_list({3389, 22}) == "22, 3389"
}

test_covered_ports if {
	network.covered({"from_port": 20, "to_port": 25}, [19, 20, 25, 26, 22]) == {20, 22, 25}
	network.covered({"from_port": 3301, "to_port": 3305}, [3306]) == set()
}

test_traffic_text if {
	network.traffic({"protocol": "all"}) == "all traffic"
	network.traffic({"protocol": "tcp", "from_port": 22, "to_port": 22}) == "tcp port 22"
	network.traffic({"protocol": "udp", "from_port": 1000, "to_port": 2000}) == "udp ports 1000-2000"
	network.traffic({"protocol": "icmp", "from_port": -1, "to_port": -1}) == "icmp"
	network.traffic({"protocol": null}) == "traffic on an unresolved protocol"
}

test_balancer_text if {
	network.balancer_text({
		"name": "web", "scheme": "internet-facing", "type": "application", "listener_ports": [8080, 80],
		"unresolved_listener_ports": false,
	}) == "internet-facing load balancer 'web' (listening on 80, 8080)"
	network.balancer_text({
		"name": "nlb", "scheme": null, "type": "network", "listener_ports": [443], "unresolved_listener_ports": true,
	}) == "network load balancer 'nlb' (listening on 443 and on ports known only at deploy time)"
	network.balancer_text({
		"name": "alb", "scheme": "internal", "type": null, "listener_ports": [], "unresolved_listener_ports": true,
	}) == "internal load balancer 'alb' (listening on ports known only at deploy time)"
	network.balancer_text({
		"name": "alb", "scheme": "internal", "type": "application", "listener_ports": [],
		"unresolved_listener_ports": false,
	}) == "internal load balancer 'alb' (its listeners are not in the input)"
}

test_reach_note_only_for_groups_only_balancers_or_private_tasks_use if {
	network.reach_note == "" with input.facts as {"permissions": []}
	network.reach_severity == {} with input.facts as {"permissions": []}
	network.reach_note == "" with input.facts.attachments as {
		"load_balancers": [], "others": ["service 'web'"], "only_load_balancers": false, "private_tasks_only": false,
	}
	network.reach_severity == {"severity": "medium"} with input.facts.attachments as {
		"load_balancers": [], "others": [], "only_load_balancers": true, "private_tasks_only": false,
	}
}

test_private_tasks_note_names_the_users if {
	attachments := {
		"load_balancers": [], "others": ["service 'web'", "task run 'Nightly'"],
		"only_load_balancers": false, "private_tasks_only": true,
	}
	network.reach_note == " The group is attached only to tasks without a public IP (service 'web', task run 'Nightly'): from the internet, only a load balancer in front of them reaches them." with input.facts.attachments as attachments
	network.reach_severity == {"severity": "medium"} with input.facts.attachments as attachments
}
