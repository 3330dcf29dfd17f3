# Helpers for container image references (`registry/repository:tag@digest`), shared by the image rules.
# An image CloudFormation resolves only at deploy time is judged on the literal text of its `Fn::Sub`
# template; `${...}` placeholders in the part a rule looks at make that part unknown.
package fgscan.lib.images

import rego.v1

# The literal text of an image: a string, or the template of an `Fn::Sub` (short or list form);
# undefined for a CloudFormation dynamic reference (`{{resolve:ssm:...}}`) and for a deploy-time
# placeholder, both replaced before the image is pulled.
text(image) := ref if {
	ref := _literal(image)
	not contains(ref, "{{resolve:")
	not deploy_placeholder(ref)
}

# A token a pipeline replaces at deploy time: CodeDeploy's `<IMAGE1_NAME>`, `$IMAGE`, `{{image}}`,
# `#{Image}#`, `%IMAGE%`, or an upper-case name such as `REPOSITORY_URI:IMAGE_TAG` (a real repository
# path is lower case; `${...}` placeholders are judged by the rules on the part they look at).
deploy_placeholder(ref) if regex.match(`[<>%]|[{][{]|#[{]|[$][A-Za-z_]`, ref)

deploy_placeholder(ref) if regex.match(`[A-Z]`, _repository_path(ref))

# The repository path without registry host, tag, digest or `${...}` placeholders.
_repository_path(ref) := concat("/", [_untagged(p) | some p in array.slice(parts, _host_parts(parts), count(parts))]) if {
	parts := split(split(regex.replace(ref, `[$][{][^}]*[}]`, ""), "@")[0], "/")
}

_host_parts(parts) := 1 if {
	count(parts) > 1
	_is_host(parts[0])
}

_host_parts(parts) := 0 if {
	count(parts) > 1
	not _is_host(parts[0])
}

_host_parts(parts) := 0 if count(parts) == 1

_untagged(component) := split(component, ":")[0]

_literal(image) := image if is_string(image)

_literal(image) := image["Fn::Sub"] if {
	is_object(image)
	is_string(image["Fn::Sub"])
}

_literal(image) := image["Fn::Sub"][0] if {
	is_object(image)
	is_array(image["Fn::Sub"])
	is_string(image["Fn::Sub"][0])
}

# Pinned by content digest (`repo@sha256:...`, `repo:1.2@sha256:...`).
pinned(ref) if regex.match(`@[a-z0-9]+([+._-][a-z0-9]+)*:[A-Fa-f0-9]{32,}$`, ref)

# The last path component without any digest (`name[:tag]`).
last_component(ref) := parts[count(parts) - 1] if {
	parts := split(split(ref, "@")[0], "/")
}

# "tag", "latest" or "none"; undefined when the tag or digest is a `${...}` placeholder.
tag_state(ref) := "none" if {
	not _placeholder_after_path(ref)
	component := last_component(ref)
	not contains(component, ":")
}

tag_state(ref) := state if {
	not _placeholder_after_path(ref)
	component := last_component(ref)
	contains(component, ":")
	tag := substring(component, indexof(component, ":") + 1, -1)
	state := _tag_kind(tag)
}

_placeholder_after_path(ref) if {
	parts := split(ref, "/")
	contains(parts[count(parts) - 1], "${")
}

_tag_kind(tag) := "latest" if tag == "latest"

_tag_kind(tag) := "tag" if tag != "latest"

# The registry host, lower case; Docker Hub names (`nginx`, `library/nginx`, `index.docker.io/...`) are `docker.io`.
registry(ref) := _docker_hub(lower(first)) if {
	parts := split(ref, "/")
	count(parts) > 1
	first := parts[0]
	_is_host(first)
}

registry(ref) := "docker.io" if {
	parts := split(ref, "/")
	count(parts) > 1
	not _is_host(parts[0])
	not contains(parts[0], "${")
}

registry(ref) := "docker.io" if {
	not contains(ref, "/")
	not contains(split(ref, ":")[0], "${")
}

_is_host(name) if contains(name, ".")

_is_host(name) if contains(name, ":")

_is_host(name) if name == "localhost"

_docker_hub(host) := "docker.io" if host in {"index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}

_docker_hub(host) := host if not host in {"index.docker.io", "registry-1.docker.io", "registry.hub.docker.com"}
