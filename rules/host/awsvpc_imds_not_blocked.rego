# METADATA
# title: ECS agent does not block instance metadata for awsvpc tasks
# description: >-
#   On EC2 container instances, tasks in `awsvpc` mode can reach the instance metadata service (and
#   the instance role's credentials) unless the ECS agent is started with
#   `ECS_AWSVPC_BLOCK_IMDS=true` in `/etc/ecs/ecs.config`. Judged on user data that configures the ECS
#   agent (it names `ECS_CLUSTER` or `/etc/ecs/ecs.config`).
# scope: package
# custom:
#   id: FG-HST-003
#   name: awsvpc-imds-not-blocked
#   severity: medium
#   rationale: Needs code execution or SSRF in an awsvpc task, then yields the instance role.
#   kinds: [ec2_launch_template, autoscaling_launch_configuration]
#   remediation: >-
#     Add `echo ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config` to the user data (and, for bridge
#     mode tasks, a hop limit of 1 or an iptables rule dropping traffic to 169.254.169.254 from docker0).
#   references:
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html#task-iam-role-considerations
#     - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html
#   frameworks:
#     nist-800-53: [AC-3, SC-7]
#   examples:
#     bad: '{"LaunchTemplateData": {"UserData": "IyEvYmluL2Jhc2gKZWNobyBFQ1NfQ0xVU1RFUj1tYWluID4+IC9ldGMvZWNzL2Vjcy5jb25maWcK"}}'
#     good: '{"LaunchTemplateData": {"UserData": "IyEvYmluL2Jhc2gKZWNobyBFQ1NfQ0xVU1RFUj1tYWluID4+IC9ldGMvZWNzL2Vjcy5jb25maWcKZWNobyBFQ1NfQVdTVlBDX0JMT0NLX0lNRFM9dHJ1ZSA+PiAvZXRjL2Vjcy9lY3MuY29uZmlnCg=="}}'
package fgscan.rules.awsvpc_imds_not_blocked

import rego.v1

deny contains finding if {
	text := input.facts.user_data
	is_string(text)
	_configures_agent(text)
	not regex.match(`ECS_AWSVPC_BLOCK_IMDS=["']?true`, text)
	finding := {
		"msg": "the user data configures the ECS agent without ECS_AWSVPC_BLOCK_IMDS=true: awsvpc tasks can reach the instance role.",
		"path": _user_data_path,
	}
}

_configures_agent(text) if contains(text, "ECS_CLUSTER")

_configures_agent(text) if contains(text, "/etc/ecs/ecs.config")

_user_data_path := ["LaunchTemplateData", "UserData"] if input.kind == "ec2_launch_template"

_user_data_path := ["UserData"] if input.kind == "autoscaling_launch_configuration"
