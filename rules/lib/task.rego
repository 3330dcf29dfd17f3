# Helpers about a task definition (`input.resource`) shared by container and task rules.
package fgscan.lib.task

import rego.v1

# Windows task: `runtimePlatform.operatingSystemFamily` is one of the WINDOWS_SERVER_* values.
windows if { is_string(input.resource.runtimePlatform.operatingSystemFamily); startswith(upper(input.resource.runtimePlatform.operatingSystemFamily), "WINDOWS") }

# The launch types the task may run on: `requiresCompatibilities`, EC2 when it is unset (the API's default).
launch_types := {upper(t) | t := input.resource.requiresCompatibilities[_]; is_string(t)} if {
	is_array(input.resource.requiresCompatibilities)
}

launch_types := {"EC2"} if not "requiresCompatibilities" in object.keys(input.resource)

# Runs on instances you manage (EC2 or ECS Anywhere), where host-level settings take effect.
on_instances if "EC2" in launch_types

on_instances if "EXTERNAL" in launch_types

# An object that is not a CloudFormation intrinsic function.
known_object(value) if {
	is_object(value)
	not intrinsic(value)
}

# A value CloudFormation resolves at deploy time: `{"Ref": ...}`, `{"Fn::If": ...}`, ...
intrinsic(value) if {
	is_object(value)
	count(value) == 1
	some key, _ in value
	_intrinsic_key(key)
}

_intrinsic_key(key) if key in {"Ref", "Condition"}

_intrinsic_key(key) if startswith(key, "Fn::")

# Host directories and files bind-mounted through a volume: `host.sourcePath`, or a `local`
# Docker volume whose driver options bind a host `device`. `{"path": ..., "at": [...]}` with the
# path normalised (no trailing `/`) and `at` the key's path inside the volume.
host_source(volume) := {"path": _normal_path(volume.host.sourcePath), "at": ["host", "sourcePath"]} if {
	is_string(volume.host.sourcePath)
}

host_source(volume) := {"path": _normal_path(opts.device), "at": ["dockerVolumeConfiguration", "driverOpts", "device"]} if {
	config := volume.dockerVolumeConfiguration
	is_object(config)
	object.get(config, "driver", "local") == "local"
	opts := config.driverOpts
	is_string(opts.device)
	is_string(opts.o)
	"bind" in split(opts.o, ",")
}

_normal_path(raw) := "/" if {
	startswith(trim_space(raw), "/")
	trim_right(trim_space(raw), "/") == ""
}

_normal_path(raw) := path if {
	path := trim_right(trim_space(raw), "/")
	path != ""
}

# `path` is `base` or lies under it.
under(path, base) if path == base

under(path, base) if {
	base != "/"
	startswith(path, concat("", [base, "/"]))
}

under(path, "/") if startswith(path, "/")

# Containers mounting the volume named `name`: {"container": i, "mount": j} entries.
mounts_of(name) := [{"container": i, "mount": j} |
	container := input.resource.containerDefinitions[i]
	mount := container.mountPoints[j]
	mount.sourceVolume == name
]

# How messages name the container at index `i`: `container 'web'`, or by position and expression when its name
# is known only at deploy time (`container #1 (!Ref ServiceName)`, `container #1 (var.name)`) or missing (`container #2 (no name)`).
container(i, c) := concat("", ["container '", c.name, "'"]) if {
	is_string(c.name)
} else := concat("", ["container #", format_int(i + 1, 10), " (", _expression(c), ")"]) if {
	is_number(i)
} else := concat("", ["container ", sprintf("%v", [i]), " (", _expression(c), ")"]) # definitions that are no list

_expression(c) := "no name" if {
	not "name" in object.keys(c)
} else := text if {
	text := written(c.name)
} else := "a name that is not text"

# A value resolved only at deploy time, as the input writes it: `!Ref Port`, `!Sub ...`, `var.port`
# (Terraform), `!Select ...`; undefined for anything else.
written(value) := concat("", ["!Ref ", value.Ref]) if {
	is_string(value.Ref)
} else := concat("", ["!Sub ", value["Fn::Sub"]]) if {
	is_string(value["Fn::Sub"])
} else := concat("", ["!Sub ", value["Fn::Sub"][0]]) if {
	is_string(value["Fn::Sub"][0])
} else := value["Fn::Terraform"] if {
	is_string(value["Fn::Terraform"])
} else := concat("", ["!", trim_prefix(key, "Fn::"), " ..."]) if {
	intrinsic(value)
	some key, _ in value
}
