environment = "forest-fargate"

project = "test"

aws_region = "eu-west-1"
