package fgscan.rules.unsafe_sysctls_test

import rego.v1

import data.fgscan.rules.unsafe_sysctls as rule

test_non_namespaced_sysctls_are_high if {
	findings := rule.deny with input.resource as {"containerDefinitions": [{"name": "a", "systemControls": [
		{"namespace": "net.ipv4.tcp_syncookies", "value": "1"},
		{"namespace": "kernel.core_pattern", "value": "|/tmp/x"},
		{"namespace": "vm/overcommit_memory", "value": "1"},
		{"namespace": "net.ipv4.ip_forward", "value": "1"},
	]}]}
		with data.fgscan.params.namespaced_sysctls as ["kernel.shmmax", "kernel.shm_rmid_forced", "fs.mqueue.*", "net.*"]
		with data.fgscan.params.safe_sysctls as ["net.ipv4.tcp_syncookies", "kernel.shm_rmid_forced"]
	count(findings) == 1
	some finding in findings
	not finding.severity
	finding.path == ["containerDefinitions", 0, "systemControls", 1, "namespace"]
	contains(finding.msg, "kernel.core_pattern, vm.overcommit_memory")
	not contains(finding.msg, "ip_forward")
}

test_namespaced_outside_safe_set_is_low if {
	findings := rule.deny with input.resource as {"networkMode": "awsvpc", "containerDefinitions": [{"name": "a", "systemControls": [
		{"namespace": "net.ipv4.tcp_syncookies", "value": "1"},
		{"namespace": "net.ipv4.ip_forward", "value": "1"},
		{"namespace": "kernel.shmmax", "value": "1"},
	]}]}
		with data.fgscan.params.namespaced_sysctls as ["kernel.shmmax", "kernel.shm_rmid_forced", "fs.mqueue.*", "net.*"]
		with data.fgscan.params.safe_sysctls as ["net.ipv4.tcp_syncookies", "kernel.shm_rmid_forced"]
	count(findings) == 1
	some finding in findings
	finding.severity == "low"
	finding.path == ["containerDefinitions", 0, "systemControls", 1, "namespace"]
	contains(finding.msg, "net.ipv4.ip_forward, kernel.shmmax")
}

test_host_namespaces_make_namespaced_sysctls_high if {
	findings := rule.deny with input.resource as {"networkMode": "host", "ipcMode": "host", "containerDefinitions": [
		{"name": "net", "systemControls": [{"namespace": "net.ipv4.tcp_syncookies", "value": "1"}]},
		{"name": "ipc", "systemControls": [{"namespace": "kernel.shm_rmid_forced", "value": "1"}]},
	]}
		with data.fgscan.params.namespaced_sysctls as ["kernel.shmmax", "kernel.shm_rmid_forced", "fs.mqueue.*", "net.*"]
		with data.fgscan.params.safe_sysctls as ["net.ipv4.tcp_syncookies", "kernel.shm_rmid_forced"]
	count(findings) == 2
	every finding in findings {
		not finding.severity
	}
}

test_safe_and_unresolved_sysctls_allowed if {
	count(rule.deny) == 0 with input.resource as {"containerDefinitions": [
		{"name": "a", "systemControls": [
			{"namespace": "net.ipv4.tcp_syncookies", "value": "1"},
			{"namespace": "NET.IPV4.TCP_SYNCOOKIES", "value": "1"},
			{"namespace": {"Ref": "Sysctl"}, "value": "1"},
		]},
		{"name": "b", "systemControls": {"Ref": "AWS::NoValue"}},
		{"name": "c"},
	]}
		with data.fgscan.params.namespaced_sysctls as ["kernel.shmmax", "kernel.shm_rmid_forced", "fs.mqueue.*", "net.*"]
		with data.fgscan.params.safe_sysctls as ["net.ipv4.tcp_syncookies", "kernel.shm_rmid_forced"]
}
