environment = "staging"

lb_logs_s3_bucket_name = "ap-southeast-1-alb-log"

certificate_arn = "arn:aws:acm:ap-southeast-1:123456789012:certificate/abcdef12-1234-5678-abcd-1234567890ab"
vpc_id = "vpc-12345678"

subnets = [
  "subnet-00000001",
  "subnet-00000002",
  "subnet-00000003",
]
