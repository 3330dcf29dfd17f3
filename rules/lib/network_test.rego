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
