package fgscan.rules.docker_socket_mount_test

import rego.v1

import data.fgscan.rules.docker_socket_mount as rule

# The host root `/` is host-path-volume's host-root finding, not a socket mount.
test_socket_and_parent_directories_denied_at_each_mount if {
	findings := rule.deny with input.resource as {
		"volumes": [
			{"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}},
			{"name": "run", "host": {"sourcePath": "/run/"}},
			{"name": "root", "host": {"sourcePath": "/"}},
		],
		"containerDefinitions": [
			{"name": "agent", "mountPoints": [
				{"sourceVolume": "scratch", "containerPath": "/tmp"},
				{"sourceVolume": "sock", "containerPath": "/var/run/docker.sock"},
			]},
			{"name": "debug", "mountPoints": [
				{"sourceVolume": "run", "containerPath": "/host/run"},
				{"sourceVolume": "root", "containerPath": "/host"},
			]},
		],
	}
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock", "/run/docker.sock"]
	{f.path | some f in findings} == {
		["containerDefinitions", 0, "mountPoints", 1, "sourceVolume"],
		["containerDefinitions", 1, "mountPoints", 0, "sourceVolume"],
	}
	some f in findings
	f.path[1] == 0
	contains(f.msg, "host path '/var/run/docker.sock'")
}

test_local_driver_bind_mount_denied if {
	findings := rule.deny with input.resource as {
		"volumes": [{"name": "v", "dockerVolumeConfiguration": {
			"driver": "local", "scope": "task",
			"driverOpts": {"type": "none", "o": "bind", "device": "/var/run/docker.sock"},
		}}],
		"containerDefinitions": [{"name": "a", "mountPoints": [{"sourceVolume": "v", "containerPath": "/s"}]}],
	}
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock"]
	count(findings) == 1
}

test_unmounted_or_unrelated_paths_allowed if {
	count(rule.deny) == 0 with input.resource as {
		"volumes": [
			{"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}},
			{"name": "other", "host": {"sourcePath": "/var/run/dockerd-proxy.sock"}},
			{"name": "sibling", "host": {"sourcePath": "/var/runtime"}},
			{"name": "param", "host": {"sourcePath": {"Ref": "SocketPath"}}},
			{"name": "efs", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}},
		],
		"containerDefinitions": [{"name": "a", "mountPoints": [
			{"sourceVolume": "other", "containerPath": "/a"},
			{"sourceVolume": "sibling", "containerPath": "/b"},
			{"sourceVolume": "param", "containerPath": "/c"},
			{"sourceVolume": "efs", "containerPath": "/d"},
		]}],
	}
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock", "/run/docker.sock"]
}

test_containerd_socket_denied_when_listed if {
	count(rule.deny) == 1 with input.resource as {
		"volumes": [{"name": "ctr", "host": {"sourcePath": "/run/containerd/containerd.sock"}}],
		"containerDefinitions": [{"name": "a", "mountPoints": [{"sourceVolume": "ctr", "containerPath": "/c.sock"}]}],
	}
		with data.fgscan.params.docker_socket_paths as ["/var/run/docker.sock", "/run/containerd/containerd.sock"]
}
