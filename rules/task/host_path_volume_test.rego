package fgscan.rules.host_path_volume_test

import rego.v1

import data.fgscan.rules.host_path_volume as rule

severities(findings) := {[f.path[1], f.severity] | some f in findings}

test_every_host_path_is_a_finding_with_severity_by_what_is_mounted if {
	findings := rule.deny with input.resource as {
		"volumes": [
			{"name": "etc", "host": {"sourcePath": "/etc"}},
			{"name": "docker", "host": {"sourcePath": "/var/lib/docker/containers/"}},
			{"name": "data", "host": {"sourcePath": "/data/app"}},
			{"name": "etcd", "host": {"sourcePath": "/etcd-data"}},
			{"name": "usr", "host": {"sourcePath": "/usr/share"}},
			{"name": "logs", "host": {"sourcePath": "/var/log/app"}},
			{"name": "rwlogs", "host": {"sourcePath": "/var/log"}},
			{"name": "proc", "host": {"sourcePath": "/proc/1/root"}},
		],
		"containerDefinitions": [
			{"name": "b", "mountPoints": [
				{"sourceVolume": "etc", "containerPath": "/host/etc", "readOnly": true},
				{"sourceVolume": "logs", "containerPath": "/logs", "readOnly": true},
				{"sourceVolume": "rwlogs", "containerPath": "/rw", "readOnly": true},
			]},
			{"name": "a", "mountPoints": [
				{"sourceVolume": "etc", "containerPath": "/etc2"},
				{"sourceVolume": "docker", "containerPath": "/c"},
				{"sourceVolume": "data", "containerPath": "/data"},
				{"sourceVolume": "etcd", "containerPath": "/e"},
				{"sourceVolume": "usr", "containerPath": "/u"},
				{"sourceVolume": "rwlogs", "containerPath": "/rw2"},
				{"sourceVolume": "proc", "containerPath": "/p"},
			]},
		],
	}
		with data.fgscan.params.critical_host_paths as ["/", "/etc", "/proc", "/var/lib/docker", "/var/run"]
		with data.fgscan.params.sensitive_host_paths as ["/", "/etc", "/usr", "/var/lib/docker", "/var/run", "/proc"]
		with data.fgscan.params.log_host_paths as ["/var/log"]
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock"]
	severities(findings) == {
		[0, "critical"], [1, "critical"], [2, "medium"], [3, "medium"], [4, "high"], [5, "low"], [6, "medium"],
		[7, "critical"],
	}
	some etc in findings
	etc.path == ["volumes", 0, "host", "sourcePath"]
	contains(etc.msg, "container(s) 'a', 'b'")
}

test_docker_socket_parents_left_to_docker_socket_mount if {
	count(rule.deny) == 0 with input.resource as {
		"volumes": [
			{"name": "run", "host": {"sourcePath": "/var/run"}},
			{"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}},
		],
		"containerDefinitions": [{"name": "a", "mountPoints": [
			{"sourceVolume": "run", "containerPath": "/run2"},
			{"sourceVolume": "sock", "containerPath": "/var/run/docker.sock"},
		]}],
	}
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock"]
}

test_host_root_is_a_host_root_mount_first if {
	findings := rule.deny with input.resource as {
		"volumes": [{"name": "root", "host": {"sourcePath": "/"}}],
		"containerDefinitions": [{"name": "a", "mountPoints": [{"sourceVolume": "root", "containerPath": "/host"}]}],
	}
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock"]
	count(findings) == 1
	some f in findings
	f.severity == "critical"
	startswith(f.msg, "the host's root file system")
}

test_unmounted_and_unresolved_volumes_allowed if {
	count(rule.deny) == 0 with input.resource as {
		"volumes": [
			{"name": "etc", "host": {"sourcePath": "/etc"}},
			{"name": "param", "host": {"sourcePath": {"Ref": "HostPath"}}},
			{"name": "scratch"},
		],
		"containerDefinitions": [{"name": "a", "mountPoints": [
			{"sourceVolume": "param", "containerPath": "/p"},
			{"sourceVolume": "scratch", "containerPath": "/tmp"},
		]}],
	}
		with data.fgscan.params.sensitive_host_paths as ["/", "/etc"]
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock"]
}
