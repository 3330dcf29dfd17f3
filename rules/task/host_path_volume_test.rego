package fgscan.rules.host_path_volume_test

import rego.v1

import data.fgscan.rules.host_path_volume as rule

test_sensitive_paths_and_subpaths_denied_at_the_volume if {
	findings := rule.deny with input.resource as {
		"volumes": [
			{"name": "etc", "host": {"sourcePath": "/etc"}},
			{"name": "docker", "host": {"sourcePath": "/var/lib/docker/containers/"}},
			{"name": "data", "host": {"sourcePath": "/data/app"}},
			{"name": "etcd", "host": {"sourcePath": "/etcd-data"}},
		],
		"containerDefinitions": [
			{"name": "b", "mountPoints": [{"sourceVolume": "etc", "containerPath": "/host/etc", "readOnly": true}]},
			{"name": "a", "mountPoints": [
				{"sourceVolume": "etc", "containerPath": "/etc2"},
				{"sourceVolume": "docker", "containerPath": "/c"},
				{"sourceVolume": "data", "containerPath": "/data"},
				{"sourceVolume": "etcd", "containerPath": "/e"},
			]},
		],
	}
		with data.fgscan.params.sensitive_host_paths as ["/", "/etc", "/var/lib/docker", "/var/run", "/proc"]
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock"]
	{f.path | some f in findings} == {["volumes", 0, "host", "sourcePath"], ["volumes", 1, "host", "sourcePath"]}
	some etc in findings
	etc.path == ["volumes", 0, "host", "sourcePath"]
	contains(etc.msg, "container(s) 'a', 'b'")
}

test_docker_socket_paths_left_to_docker_socket_mount if {
	count(rule.deny) == 0 with input.resource as {
		"volumes": [
			{"name": "root", "host": {"sourcePath": "/"}},
			{"name": "run", "host": {"sourcePath": "/var/run"}},
		],
		"containerDefinitions": [{"name": "a", "mountPoints": [
			{"sourceVolume": "root", "containerPath": "/host"},
			{"sourceVolume": "run", "containerPath": "/run2"},
		]}],
	}
		with data.fgscan.params.sensitive_host_paths as ["/", "/etc", "/var/lib/docker", "/var/run", "/proc"]
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock"]
}

test_root_itself_only_when_listed_and_not_a_socket_parent if {
	count(rule.deny) == 1 with input.resource as {
		"volumes": [{"name": "root", "host": {"sourcePath": "/"}}],
		"containerDefinitions": [{"name": "a", "mountPoints": [{"sourceVolume": "root", "containerPath": "/host"}]}],
	}
		with data.fgscan.params.sensitive_host_paths as ["/"]
		with data.fgscan.params.docker_socket_paths as []
	count(rule.deny) == 1 with input.resource as {
		"volumes": [{"name": "proc", "host": {"sourcePath": "/proc/1/root"}}],
		"containerDefinitions": [{"name": "a", "mountPoints": [{"sourceVolume": "proc", "containerPath": "/x"}]}],
	}
		with data.fgscan.params.sensitive_host_paths as ["/", "/proc"]
		with data.fgscan.params.docker_socket_paths as ["/run/docker.sock"]
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
