"""fargate-scanner (`fgscan`): security and compliance policy scanner for AWS ECS on Fargate."""

__version__ = "0.1.0"
