package fgscan.rules.awsvpc_imds_not_blocked_test

import rego.v1

import data.fgscan.rules.awsvpc_imds_not_blocked as rule

test_agent_config_without_block_denied if {
	findings := rule.deny with input.kind as "ec2_launch_template"
		with input.facts as {"user_data": "#!/bin/bash\necho ECS_CLUSTER=${Cluster} >> /etc/ecs/ecs.config\n"}
	{f.path | some f in findings} == {["LaunchTemplateData", "UserData"]}
}

test_blocked_or_not_an_ecs_host_allowed if {
	count(rule.deny) == 0 with input.kind as "autoscaling_launch_configuration"
		with input.facts as {"user_data": "echo ECS_CLUSTER=main >> /etc/ecs/ecs.config\necho ECS_AWSVPC_BLOCK_IMDS=true >> /etc/ecs/ecs.config"}
	count(rule.deny) == 0 with input.kind as "autoscaling_launch_configuration" with input.facts as {"user_data": "yum update -y"}
	count(rule.deny) == 0 with input.kind as "ec2_launch_template" with input.facts as {"user_data": null}
}
