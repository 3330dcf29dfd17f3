# METADATA
# title: Container logs in blocking mode
# description: >-
#   In blocking mode a container's writes to stdout and stderr wait until the log driver has
#   delivered them. When CloudWatch Logs (or another backend) is throttled or unreachable, the
#   application stalls, fails its health checks and is replaced, so a logging outage becomes a
#   service outage. Non-blocking mode buffers the output in memory instead. Since June 2025 ECS uses
#   non-blocking mode when `options.mode` is unset, unless the account setting
#   `defaultLogDriverMode` says `blocking`; set the `default_log_driver_mode` parameter to
#   `blocking` if yours does.
# scope: package
# custom:
#   id: FG-CTR-024
#   name: logging-blocking-mode
#   severity: low
#   rationale: An availability risk that needs a log backend failure to bite; no confidentiality impact.
#   kinds: [ecs_task_definition]
#   remediation: >-
#     Set `logConfiguration.options.mode` to `non-blocking` and size `max-buffer-size` (for
#     example `25m`) for your log volume; keep `blocking` only where losing a log line is worse than
#     stalling the application.
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-account-settings.html
#     - https://aws.amazon.com/blogs/containers/preventing-log-loss-with-non-blocking-mode-in-the-awslogs-container-log-driver/
#   frameworks:
#     nist-800-53: [SC-5]
#   examples:
#     bad: '{"containerDefinitions": [{"name": "app", "logConfiguration": {"logDriver": "awslogs", "options": {"mode": "blocking"}}}]}'
#     good: '{"containerDefinitions": [{"name": "app", "logConfiguration": {"logDriver": "awslogs", "options": {"mode": "non-blocking", "max-buffer-size": "25m"}}}]}'
package fgscan.rules.logging_blocking_mode

import data.fgscan.lib.task
import rego.v1

deny contains finding if {
	container := input.resource.containerDefinitions[i]
	config := container.logConfiguration
	task.known_object(config)
	_driver(config.logDriver)
	some finding in _blocking(config, task.container(i, container), ["containerDefinitions", i, "logConfiguration"])
}

_driver(name) if {
	is_string(name)
	name != ""
}

_driver(name) if task.intrinsic(name)

_blocking(config, name, path) := {{
	"msg": concat("", [name, " sets its log mode to blocking: a log backend outage stalls the application."]),
	"path": array.concat(path, ["options", "mode"]),
}} if {
	is_string(config.options.mode)
	lower(config.options.mode) == "blocking"
}

_blocking(config, name, path) := {{
	"msg": concat("", [name, " sets no log mode, so it logs in blocking mode (the default_log_driver_mode parameter)."]),
	"path": array.concat(path, _nearest_options(config)),
}} if {
	not _mode_set(config)
	lower(data.fgscan.params.default_log_driver_mode) == "blocking"
}

_mode_set(config) if { is_object(config.options); "mode" in object.keys(config.options) }

# Options known only at deploy time may set the mode.
_mode_set(config) if task.intrinsic(config.options)

_nearest_options(config) := ["options"] if is_object(config.options)

_nearest_options(config) := ["logDriver"] if not "options" in object.keys(config)
