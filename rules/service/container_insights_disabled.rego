# METADATA
# title: Cluster does not use Container Insights
# description: >-
#   Without CloudWatch Container Insights (`enabled` or `enhanced` in the cluster's
#   `containerInsights` setting) the cluster's tasks and services report no per-task CPU, memory,
#   network or restart metrics, so resource abuse (crypto-mining, a runaway process) and failing
#   tasks go unnoticed. A template that omits the setting leaves it to the account default, off
#   unless changed; describe-clusters output without `--include SETTINGS` carries no `settings` and
#   is not judged.
# scope: package
# custom:
#   id: FG-SVC-023
#   name: container-insights-disabled
#   severity: medium
#   rationale: A monitoring gap that delays detection, not an opening in itself.
#   kinds: [ecs_cluster]
#   remediation: >-
#     Add the cluster setting `{"name": "containerInsights", "value": "enhanced"}` (or `enabled`):
#     `ClusterSettings` in CloudFormation, `aws ecs update-cluster-settings` for a live cluster.
#   references:
#     - https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-12
#     - https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS-cluster.html
#   frameworks:
#     aws-fsbp: [ECS.12]
#     nist-800-53: [AU-6(3), AU-6(4), CA-7, SI-2]
#   examples:
#     bad: '{"clusterName": "prod", "settings": [{"name": "containerInsights", "value": "disabled"}]}'
#     good: '{"clusterName": "prod", "settings": [{"name": "containerInsights", "value": "enhanced"}]}'
package fgscan.rules.container_insights_disabled

import rego.v1

msg := "Container Insights is not enabled."

# The setting says `disabled` (or another value).
deny contains finding if {
	not enabled_or_unknown
	setting := input.resource.settings[i]
	setting.name == "containerInsights"
	finding := {"msg": msg, "path": ["settings", i, "value"]}
}

# Settings listed without the Container Insights one.
deny contains finding if {
	not enabled_or_unknown
	is_array(input.resource.settings)
	not mentioned
	finding := {"msg": msg, "path": ["settings"]}
}

# A template without `ClusterSettings` (API output has `clusterArn`; its `settings` may just not
# have been requested).
deny contains finding if {
	not "settings" in object.keys(input.resource)
	not "clusterArn" in object.keys(input.resource)
	finding := {"msg": msg, "path": ["clusterName"]}
}

enabled_or_unknown if {
	setting := input.resource.settings[_]
	setting.name == "containerInsights"
	is_string(setting.value)
	lower(setting.value) in {"enabled", "enhanced"}
}

enabled_or_unknown if {
	setting := input.resource.settings[_]
	setting.name == "containerInsights"
	not is_string(setting.value)
}

enabled_or_unknown if {
	setting := input.resource.settings[_]
	not is_string(setting.name)
}

enabled_or_unknown if {
	"settings" in object.keys(input.resource)
	not is_array(input.resource.settings)
}

mentioned if {
	setting := input.resource.settings[_]
	setting.name == "containerInsights"
}
