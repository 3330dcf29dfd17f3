# METADATA
# title: Container mounts the Docker socket
# description: >-
#   A container that can reach the Docker daemon's socket (`/var/run/docker.sock`, or a parent
#   directory such as `/var/run`; the host root `/` is reported by host-path-volume) can start a privileged container that mounts the host's
#   root file system, so it controls the instance and every task on it, including their task
#   role credentials.
# scope: package
# custom:
#   id: FG-TSK-023
#   name: docker-socket-mount
#   severity: critical
#   rationale: Access to the Docker API is root on the host, with no exploit needed.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove the volume and its mount points. Monitoring and log agents can use the ECS task
#     metadata endpoint, CloudWatch Container Insights or FireLens instead; if an agent truly needs
#     the Docker API, run it as an instance-level daemon outside ECS tasks, or behind a filtering
#     proxy that allows only read-only calls.
#   references:
#     - https://docs.docker.com/engine/security/protect-access/
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html
#   frameworks:
#     cis-docker: ["5.32"]
#     nist-800-53: [AC-6, SC-39]
#   examples:
#     bad: '{"volumes": [{"name": "sock", "host": {"sourcePath": "/var/run/docker.sock"}}], "containerDefinitions": [{"name": "agent", "mountPoints": [{"sourceVolume": "sock", "containerPath": "/var/run/docker.sock"}]}]}'
#     good: '{"volumes": [{"name": "scratch"}], "containerDefinitions": [{"name": "agent", "mountPoints": [{"sourceVolume": "scratch", "containerPath": "/tmp"}]}]}'
package fgscan.rules.docker_socket_mount

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	volume := input.resource.volumes[_]
	source := task.host_source(volume)
	source.path != "/" # the host root is host-path-volume's (critical) finding
	exposes_socket(source.path)
	some mount in task.mounts_of(volume.name)
	container := input.resource.containerDefinitions[mount.container]
	finding := {
		"msg": concat("", [
			task.container(mount.container, container), " mounts the container runtime socket from the host (volume '",
			volume.name, "', host path '", source.path, "').",
		]),
		"path": ["containerDefinitions", mount.container, "mountPoints", mount.mount, "sourceVolume"],
	}
}

# The socket itself, or a directory above it.
exposes_socket(path) if {
	some socket in data.fgscan.params.docker_socket_paths
	task.under(socket, path)
}
