# Helpers for the ECS container instance rules: launch templates (`LaunchTemplateData.MetadataOptions`)
# and launch configurations (`MetadataOptions`) hold the instance metadata options at different paths.
package fgscan.lib.hosts

import rego.v1

# The path of the metadata options in the resource.
options_path := ["LaunchTemplateData", "MetadataOptions"] if input.kind == "ec2_launch_template"

options_path := ["MetadataOptions"] if input.kind == "autoscaling_launch_configuration"

# The nearest existing key to the metadata options (for a finding on a missing setting).
holder_path := ["LaunchTemplateData"] if {
	input.kind == "ec2_launch_template"
	is_object(input.resource.LaunchTemplateData)
}

holder_path := [] if {
	input.kind == "ec2_launch_template"
	not is_object(input.resource.LaunchTemplateData)
}

holder_path := [] if input.kind == "autoscaling_launch_configuration"

# The metadata options object, `{}` when absent; undefined when malformed (not an object).
options := o if {
	o := object.get(input.resource, options_path, {})
	is_object(o)
}
