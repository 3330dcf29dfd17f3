"""The facts Python computes for Rego: CIDR classes, explicit port ranges, entropy."""

from __future__ import annotations

import pytest

from scanner.facts import cidr_facts, entropy, permission_facts, port_facts


@pytest.mark.parametrize(
    ("cidr", "world", "public", "private", "prefix"),
    [
        ("0.0.0.0/0", True, True, False, 0),
        ("::/0", True, True, False, 0),
        ("10.0.0.0/8", False, False, True, 8),
        ("172.16.0.0/12", False, False, True, 12),
        ("192.168.1.0/24", False, False, True, 24),
        ("203.0.113.7/32", False, False, True, 32),  # documentation range: not routable, counted private
        ("52.95.110.1/32", False, True, False, 32),
        ("2001:db8::/32", False, False, True, 32),
        ("2600:1f18::/36", False, True, False, 36),
        ("10.0.0.5/16", False, False, True, 16),  # host bits set: still understood
    ],
)
def test_cidr_classes(cidr, world, public, private, prefix):
    facts = cidr_facts(cidr)
    assert (facts["known"], facts["world"], facts["public"], facts["private"], facts["prefix"]) == (
        True,
        world,
        public,
        private,
        prefix,
    )


@pytest.mark.parametrize("value", [{"Ref": "Cidr"}, "not-a-cidr", None, "10.0.0.0/33"])
def test_unknown_cidrs_are_not_world(value):
    assert cidr_facts(value)["known"] is False and cidr_facts(value)["world"] is False


@pytest.mark.parametrize(
    ("permission", "protocol", "low", "high", "all_ports"),
    [
        ({"IpProtocol": "-1"}, "all", 0, 65535, True),
        ({"IpProtocol": "-1", "FromPort": -1, "ToPort": -1}, "all", 0, 65535, True),
        ({"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22}, "tcp", 22, 22, False),
        ({"IpProtocol": "6", "FromPort": 0, "ToPort": 65535}, "tcp", 0, 65535, True),
        ({"IpProtocol": "17", "FromPort": 53, "ToPort": 53}, "udp", 53, 53, False),
        ({"IpProtocol": "icmp", "FromPort": -1, "ToPort": -1}, "icmp", -1, -1, False),
        ({"IpProtocol": "tcp"}, "tcp", 0, 65535, True),
    ],
)
def test_port_ranges_are_explicit(permission, protocol, low, high, all_ports):
    facts = port_facts(permission)
    assert (facts["protocol"], facts["from_port"], facts["to_port"], facts["all_ports"]) == (
        protocol,
        low,
        high,
        all_ports,
    )


def test_unresolved_ports_are_unknown():
    facts = port_facts({"IpProtocol": "tcp", "FromPort": {"Ref": "Port"}, "ToPort": {"Ref": "Port"}})
    assert facts["ports_known"] is False and facts["from_port"] is None and facts["all_ports"] is False


def test_permission_facts_flatten_every_source_with_its_path():
    group = {
        "IpPermissions": [
            {
                "IpProtocol": "tcp",
                "FromPort": 443,
                "ToPort": 443,
                "IpRanges": [{"CidrIp": "0.0.0.0/0"}],
                "Ipv6Ranges": [{"CidrIpv6": "::/0"}],
                "UserIdGroupPairs": [{"GroupId": "sg-1", "Description": "lb"}],
            }
        ],
        "IpPermissionsEgress": [{"IpProtocol": "-1", "PrefixListIds": [{"PrefixListId": "pl-1"}]}],
    }
    facts = permission_facts(group)
    assert [(f["direction"], f["source_type"], f["source"], f["world"]) for f in facts] == [
        ("ingress", "cidr", "0.0.0.0/0", True),
        ("ingress", "cidr", "::/0", True),
        ("ingress", "security_group", "sg-1", False),
        ("egress", "prefix_list", "pl-1", False),
    ]
    assert facts[1]["path"] == ["IpPermissions", 0, "Ipv6Ranges", 0, "CidrIpv6"]
    assert facts[2]["description"] == "lb"


def test_entropy_separates_random_from_plain_text():
    assert entropy("") == 0.0
    assert entropy("aaaaaaaa") == 0.0
    assert entropy("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY") > 4.0
    assert entropy("production") < 3.5


@pytest.mark.parametrize(
    ("group_id", "source"),
    [
        ({"Ref": "LoadBalancerSecurityGroup"}, "security group 'LoadBalancerSecurityGroup'"),
        ({"Fn::GetAtt": ["LbSg", "GroupId"]}, "security group 'LbSg'"),
        ({"Fn::Terraform": "aws_security_group.lb[0].id"}, "security group 'aws_security_group.lb[0]'"),
        ({"Fn::ImportValue": "cluster-sg"}, None),
        ({"Fn::Terraform": "var.alb ? aws_security_group.lb.id : null"}, None),
        ({"Fn::If": ["HasLb", {"Ref": "Lb"}, {"Ref": "AWS::NoValue"}]}, None),
    ],
)
def test_a_group_source_of_the_same_template_or_module_is_named(group_id, source):
    facts = permission_facts({"IpPermissions": [{"IpProtocol": "tcp", "UserIdGroupPairs": [{"GroupId": group_id}]}]})
    assert facts[0]["source"] == source
