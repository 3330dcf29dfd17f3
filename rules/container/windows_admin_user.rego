# METADATA
# title: Windows container runs as ContainerAdministrator
# description: >-
#   Windows containers run as `ContainerAdministrator` unless the task definition names another
#   user. That account is an administrator inside the container: a compromised process can change
#   any file, service or registry key there, and needs far less to attack the host or the other
#   containers sharing it.
# scope: package
# custom:
#   id: FG-CTR-020
#   name: windows-admin-user
#   severity: medium
#   rationale: Administrator rights inside the container widen what a compromise can do, but are not host access by themselves.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `user` to a non-administrator account such as `ContainerUser` (present in the Windows
#     base images), or to an account your image creates, and grant it only the files and ports the
#     application needs.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-21
#     - https://learn.microsoft.com/en-us/virtualization/windowscontainers/manage-containers/container-security
#   frameworks:
#     aws-fsbp: [ECS.21]
#     nist-800-53: [AC-2(1), AC-3, AC-3(7), AC-3(15), AC-5, AC-6]
#   examples:
#     bad: '{"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, "containerDefinitions": [{"name": "app"}]}'
#     good: '{"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, "containerDefinitions": [{"name": "app", "user": "ContainerUser"}]}'
package fgscan.rules.windows_admin_user

import data.fgscan.lib.task

# Imported as a rule, not read as task.windows: regorus's VM evaluates an undefined rule read through a package
# import at a cost of several microseconds per input (the common case: not Windows).
import data.fgscan.lib.task.windows
import rego.v1

deny contains finding if {
	windows
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	_blank(object.get(container, "user", null))
	finding := {
		"msg": concat("", [task.container(i, container), " sets no user, so it runs as ContainerAdministrator."]),
		"path": ["containerDefinitions", i, "name"],
	}
}

deny contains finding if {
	windows
	container := input.resource.containerDefinitions[i]
	is_string(container.user)
	_admin(container.user)
	finding := {
		"msg": concat("", [task.container(i, container), " runs as an administrator account."]),
		"path": ["containerDefinitions", i, "user"],
	}
}

_blank(value) if value == null

_blank(value) if value == ""

_admin(user) if lower(trim_space(user)) in {lower(name) | some name in data.fgscan.params.windows_admin_users}
