# METADATA
# title: Container runs as root
# description: >-
#   A container whose user is `root` or UID 0 runs its process as root. A bug in the application
#   then hands the attacker root inside the container, which makes kernel and runtime escapes, and
#   tampering with anything mounted into the task, much easier. As in AWS FSBP ECS.20, an explicit
#   root user is high and an unset user medium: the image's own `USER` may already be non-root.
# scope: package
# custom:
#   id: FG-CTR-002
#   name: root-user
#   severity: high
#   rationale: >-
#     Root in the container turns any code-execution bug into full control of the task and its mounts;
#     medium when the user is unset, since the image may set a non-root one.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `user` to a non-root UID (for example "10001" or "10001:10001") and build the image so
#     that user can run it (`USER 10001` in the Dockerfile). The group alone does not make a user
#     root: "10001:0" is accepted.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-20
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
#   frameworks:
#     aws-fsbp: [ECS.20]
#     cis-docker: ["4.1"]
#     nist-800-53: [AC-6(2), AC-6(10)]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "user": "0:0"}]}'
#     good: '{"containerDefinitions": [{"name": "app", "user": "10001:10001"}]}'
package fgscan.rules.root_user

import data.fgscan.lib.task
import rego.v1

# Windows containers have no UID; another rule judges their user.
windows if { is_string(input.resource.runtimePlatform.operatingSystemFamily); startswith(upper(input.resource.runtimePlatform.operatingSystemFamily), "WINDOWS") }

deny contains finding if {
	not windows
	some i in _candidates
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	unset(object.get(container, "user", null))
	finding := {
		"msg": concat("", [task.container(i, container), " sets no user: it runs as root unless the image's own USER is non-root (check its Dockerfile, or set user)."]),
		"path": ["containerDefinitions", i, "name"],
		"severity": "medium",
	}
}

deny contains finding if {
	not windows
	some i in _candidates
	container := input.resource.containerDefinitions[i]
	task.known_object(container)
	root(container.user)
	finding := {
		"msg": concat("", [task.container(i, container), " runs as root (user '", sprintf("%v", [container.user]), "')."]),
		"path": ["containerDefinitions", i, "user"],
	}
}

# The containers whose user may be unset or root. A user whose first character is a digit other than 0 or a letter
# other than r is neither: that common case is decided by its first character, before any helper is called.
_candidates contains i if {
	container := input.resource.containerDefinitions[i]
	not is_string(container.user)
}

_candidates contains i if {
	container := input.resource.containerDefinitions[i]
	is_string(container.user)
	not substring(container.user, 0, 1) in _first_of_neither
}

# The first characters of a user that is neither unset nor root: a digit other than 0, or a letter other than r
# (`^[1-9A-Za-qs-z]`). A set lookup of the first character: regorus's VM compiles a regex at every call (about
# 8 us for this one, against 2 us for substring and lookup).
_first_of_neither := {
	"1", "2", "3", "4", "5", "6", "7", "8", "9", "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M",
	"N", "O", "P", "Q", "R", "S", "T", "U", "V", "W", "X", "Y", "Z", "a", "b", "c", "d", "e", "f", "g", "h", "i",
	"j", "k", "l", "m", "n", "o", "p", "q", "s", "t", "u", "v", "w", "x", "y", "z",
}

unset(user) if user == null

unset(user) if {
	is_string(user)
	trim_space(user) == ""
}

# The user part of "user", "uid", "user:group" or "uid:gid"; the group alone never makes root.
root(user) if {
	is_string(user)
	name := trim_space(split(user, ":")[0])
	root_name(name)
}

root(user) if user == 0

root_name("root") := true

root_name(name) if regex.match(`^0+$`, name)
