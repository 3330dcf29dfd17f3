# METADATA
# title: Container has host devices mapped into it
# description: >-
#   `linuxParameters.devices` exposes host device nodes (disks, GPUs, /dev/mem, TTYs, FUSE) inside
#   the container. Write access to a block device is write access to the host's file systems, and
#   many character devices give kernel-level reach; the container is no longer isolated from the
#   instance.
# scope: package
# custom:
#   id: FG-CTR-028
#   name: host-devices
#   severity: high
#   rationale: A mapped device can bypass the container's file system and namespaces to reach the host directly.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Remove `linuxParameters.devices`. For GPUs use `resourceRequirements` of type `GPU`, which
#     ECS maps for you; if a device is truly needed, map only that device with the narrowest
#     `permissions` (for example `read`) and run the task on dedicated instances.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Device.html
#     - https://docs.docker.com/reference/cli/docker/container/run/#device
#   frameworks:
#     cis-docker: ["5.18"]
#     nist-800-53: [AC-6, SC-39]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "linuxParameters": {"devices": [{"hostPath": "/dev/sda"}]}}]}'
#     good: '{"containerDefinitions": [{"name": "app", "linuxParameters": {"initProcessEnabled": true}}]}'
package fgscan.rules.host_devices

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	devices := container.linuxParameters.devices
	is_array(devices)
	count(devices) > 0
	paths := [path | some device in devices; path := _host_path(device)]
	finding := {
		"msg": concat("", [task.container(i, container), " has host device(s) mapped into it: ", concat(", ", paths), "."]),
		"path": ["containerDefinitions", i, "linuxParameters", "devices"],
	}
}

_host_path(device) := device.hostPath if is_string(device.hostPath)

_host_path(device) := "(unresolved)" if not is_string(device.hostPath)
