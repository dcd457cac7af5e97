-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:aee93e7d68628b0a
-- target: sha256:aee93e7d68628b0a
-- managed-schemas: ["public"]
-- plan-hash: sha256:3bc36496d935cd9a6d5f11a1634012818c6910b7bdc3f780f58f1a931da1eaf0
-- mode: online
-- steps: 1
--   insert data: 1
-- hazards: none

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- transaction 1/1: step 1
BEGIN;

-- step 1/1: insert data public.cmmc_controls
--   transactional: yes
--   locks: catalog: "public"."cmmc_controls" ROW EXCLUSIVE
--   hazards: none
--   reason: 80 declared row(s) missing: (id=AC.L2-3.1.10) (id=AC.L2-3.1.11) (id=AC.L2-3.1.12) (id=AC.L2-3.1.13) (id=AC.L2-3.1.14) (id=AC.L2-3.1.15) (id=AC.L2-3.1.16) (id=AC.L2-3.1.17) (id=AC.L2-3.1.18) (id=AC.L2-3.1.19) (id=AC.L2-3.1.21) (id=AC.L2-3.1.22) (id=AC.L2-3.1.4) (id=AC.L2-3.1.6) (id=AC.L2-3.1.7) (id=AC.L2-3.1.8) (id=AC.L2-3.1.9) (id=AT.L2-3.2.3) (id=AU.L2-3.3.3) (id=AU.L2-3.3.4) (id=AU.L2-3.3.5) (id=AU.L2-3.3.6) (id=AU.L2-3.3.7) (id=AU.L2-3.3.8) (id=AU.L2-3.3.9) (id=CA.L2-3.12.2) (id=CA.L2-3.12.3) (id=CM.L2-3.4.3) (id=CM.L2-3.4.4) (id=CM.L2-3.4.5) (id=CM.L2-3.4.6) (id=CM.L2-3.4.7) (id=CM.L2-3.4.8) (id=CM.L2-3.4.9) (id=IA.L2-3.5.10) (id=IA.L2-3.5.11) (id=IA.L2-3.5.4) (id=IA.L2-3.5.5) (id=IA.L2-3.5.6) (id=IA.L2-3.5.7) (id=IA.L2-3.5.8) (id=IA.L2-3.5.9) (id=IR.L2-3.6.3) (id=MA.L2-3.7.2) (id=MA.L2-3.7.3) (id=MA.L2-3.7.4) (id=MA.L2-3.7.5) (id=MA.L2-3.7.6) (id=MP.L2-3.8.2) (id=MP.L2-3.8.4) (id=MP.L2-3.8.5) (id=MP.L2-3.8.6) (id=MP.L2-3.8.7) (id=MP.L2-3.8.8) (id=MP.L2-3.8.9) (id=PE.L2-3.10.2) (id=PE.L2-3.10.3) (id=PE.L2-3.10.4) (id=PE.L2-3.10.5) (id=PE.L2-3.10.6) (id=RA.L2-3.11.3) (id=SC.L2-3.13.10) (id=SC.L2-3.13.12) (id=SC.L2-3.13.13) (id=SC.L2-3.13.14) (id=SC.L2-3.13.15) (id=SC.L2-3.13.16) (id=SC.L2-3.13.2) (id=SC.L2-3.13.3) (id=SC.L2-3.13.4) (id=SC.L2-3.13.5) (id=SC.L2-3.13.6) (id=SC.L2-3.13.7) (id=SC.L2-3.13.8) (id=SC.L2-3.13.9) (id=SI.L2-3.14.3) (id=SI.L2-3.14.4) (id=SI.L2-3.14.5) (id=SI.L2-3.14.6) (id=SI.L2-3.14.7)
INSERT INTO "public"."cmmc_controls" ("id", "level", "domain", "practice_id", "title", "objective", "discussion", "nist_control_id", "assessment_objectives", "examine_items", "interview_items", "test_items") VALUES
  ('AC.L2-3.1.10', '2', 'AC', '3.1.10', 'Session Lock', 'Use session lock with pattern-hiding displays to prevent access and viewing of data after a period of inactivity.', NULL, '3.1.10', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.11', '2', 'AC', '3.1.11', 'Session Termination', 'Terminate (automatically) a user session after a defined condition.', NULL, '3.1.11', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.12', '2', 'AC', '3.1.12', 'Control Remote Access', 'Monitor and control remote access sessions.', NULL, '3.1.12', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.13', '2', 'AC', '3.1.13', 'Remote Access Confidentiality', 'Employ cryptographic mechanisms to protect the confidentiality of remote access sessions.', NULL, '3.1.13', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.14', '2', 'AC', '3.1.14', 'Remote Access Routing', 'Route remote access via managed access control points.', NULL, '3.1.14', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.15', '2', 'AC', '3.1.15', 'Privileged Remote Access', 'Authorize remote execution of privileged commands and remote access to security-relevant information.', NULL, '3.1.15', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.16', '2', 'AC', '3.1.16', 'Wireless Access Authorization', 'Authorize wireless access prior to allowing such connections.', NULL, '3.1.16', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.17', '2', 'AC', '3.1.17', 'Wireless Access Protection', 'Protect wireless access using authentication and encryption.', NULL, '3.1.17', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.18', '2', 'AC', '3.1.18', 'Mobile Device Connection', 'Control connection of mobile devices.', NULL, '3.1.18', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.19', '2', 'AC', '3.1.19', 'Encrypt CUI on Mobile', 'Encrypt CUI on mobile devices and mobile computing platforms.', NULL, '3.1.19', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.21', '2', 'AC', '3.1.21', 'Portable Storage Use', 'Limit use of portable storage devices on external systems.', NULL, '3.1.21', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.22', '2', 'AC', '3.1.22', 'Control Public Information', 'Control CUI posted or processed on publicly accessible systems.', NULL, '3.1.22', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.4', '2', 'AC', '3.1.4', 'Separation of Duties', 'Separate the duties of individuals to reduce the risk of malevolent activity without collusion.', NULL, '3.1.4', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.6', '2', 'AC', '3.1.6', 'Non-Privileged Account Use', 'Use non-privileged accounts or roles when accessing nonsecurity functions.', NULL, '3.1.6', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.7', '2', 'AC', '3.1.7', 'Privileged Functions', 'Prevent non-privileged users from executing privileged functions and capture the execution of such functions in audit logs.', NULL, '3.1.7', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.8', '2', 'AC', '3.1.8', 'Unsuccessful Logon Attempts', 'Limit unsuccessful logon attempts.', NULL, '3.1.8', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.9', '2', 'AC', '3.1.9', 'Privacy & Security Notices', 'Provide privacy and security notices consistent with applicable CUI rules.', NULL, '3.1.9', NULL, NULL, NULL, NULL),
  ('AT.L2-3.2.3', '2', 'AT', '3.2.3', 'Insider Threat Awareness', 'Provide security awareness training on recognizing and reporting potential indicators of insider threat.', NULL, '3.2.3', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.3', '2', 'AU', '3.3.3', 'Event Review', 'Review and update logged events.', NULL, '3.3.3', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.4', '2', 'AU', '3.3.4', 'Audit Failure Alerting', 'Alert in the event of an audit logging process failure.', NULL, '3.3.4', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.5', '2', 'AU', '3.3.5', 'Audit Correlation', 'Correlate audit record review, analysis, and reporting processes for investigation and response to indications of unlawful, unauthorized, suspicious, or unusual activity.', NULL, '3.3.5', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.6', '2', 'AU', '3.3.6', 'Reduction & Reporting', 'Provide audit record reduction and report generation to support on-demand analysis and reporting.', NULL, '3.3.6', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.7', '2', 'AU', '3.3.7', 'Authoritative Time Source', 'Provide a system capability that compares and synchronizes internal system clocks with an authoritative source to generate time stamps for audit records.', NULL, '3.3.7', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.8', '2', 'AU', '3.3.8', 'Audit Protection', 'Protect audit information and audit logging tools from unauthorized access, modification, and deletion.', NULL, '3.3.8', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.9', '2', 'AU', '3.3.9', 'Audit Management', 'Limit management of audit logging functionality to a subset of privileged users.', NULL, '3.3.9', NULL, NULL, NULL, NULL),
  ('CA.L2-3.12.2', '2', 'CA', '3.12.2', 'Plan of Action', 'Develop and implement plans of action designed to correct deficiencies and reduce or eliminate vulnerabilities in organizational systems.', NULL, '3.12.2', NULL, NULL, NULL, NULL),
  ('CA.L2-3.12.3', '2', 'CA', '3.12.3', 'Security Control Monitoring', 'Monitor security controls on an ongoing basis to ensure the continued effectiveness of the controls.', NULL, '3.12.3', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.3', '2', 'CM', '3.4.3', 'System Change Management', 'Track, review, approve or disapprove, and log changes to organizational systems.', NULL, '3.4.3', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.4', '2', 'CM', '3.4.4', 'Security Impact Analysis', 'Analyze the security impact of changes prior to implementation.', NULL, '3.4.4', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.5', '2', 'CM', '3.4.5', 'Access Restrictions for Change', 'Define, document, approve, and enforce physical and logical access restrictions associated with changes to organizational systems.', NULL, '3.4.5', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.6', '2', 'CM', '3.4.6', 'Least Functionality', 'Employ the principle of least functionality by configuring organizational systems to provide only essential capabilities.', NULL, '3.4.6', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.7', '2', 'CM', '3.4.7', 'Nonessential Functionality', 'Restrict, disable, or prevent the use of nonessential programs, functions, ports, protocols, and services.', NULL, '3.4.7', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.8', '2', 'CM', '3.4.8', 'Application Execution Policy', 'Apply deny-by-exception (blacklisting) policy to prevent the use of unauthorized software or deny-all, permit-by-exception (whitelisting) policy to allow the execution of authorized software.', NULL, '3.4.8', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.9', '2', 'CM', '3.4.9', 'User-Installed Software', 'Control and monitor user-installed software.', NULL, '3.4.9', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.10', '2', 'IA', '3.5.10', 'Cryptographically-Protected Passwords', 'Store and transmit only cryptographically-protected passwords.', NULL, '3.5.10', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.11', '2', 'IA', '3.5.11', 'Obscure Feedback', 'Obscure feedback of authentication information.', NULL, '3.5.11', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.4', '2', 'IA', '3.5.4', 'Replay-Resistant Authentication', 'Employ replay-resistant authentication mechanisms for network access to privileged and non-privileged accounts.', NULL, '3.5.4', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.5', '2', 'IA', '3.5.5', 'Identifier Reuse', 'Prevent reuse of identifiers for a defined period.', NULL, '3.5.5', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.6', '2', 'IA', '3.5.6', 'Identifier Handling', 'Disable identifiers after a defined period of inactivity.', NULL, '3.5.6', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.7', '2', 'IA', '3.5.7', 'Password Complexity', 'Enforce a minimum password complexity and change of characters when new passwords are created.', NULL, '3.5.7', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.8', '2', 'IA', '3.5.8', 'Password Reuse', 'Prohibit password reuse for a specified number of generations.', NULL, '3.5.8', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.9', '2', 'IA', '3.5.9', 'Temporary Passwords', 'Allow temporary password use for system logons with an immediate change to a permanent password.', NULL, '3.5.9', NULL, NULL, NULL, NULL),
  ('IR.L2-3.6.3', '2', 'IR', '3.6.3', 'Incident Response Testing', 'Test the organizational incident response capability.', NULL, '3.6.3', NULL, NULL, NULL, NULL),
  ('MA.L2-3.7.2', '2', 'MA', '3.7.2', 'System Maintenance Control', 'Provide controls on the tools, techniques, mechanisms, and personnel used to conduct system maintenance.', NULL, '3.7.2', NULL, NULL, NULL, NULL),
  ('MA.L2-3.7.3', '2', 'MA', '3.7.3', 'Equipment Sanitization', 'Ensure equipment removed for off-site maintenance is sanitized of any CUI.', NULL, '3.7.3', NULL, NULL, NULL, NULL),
  ('MA.L2-3.7.4', '2', 'MA', '3.7.4', 'Media Inspection', 'Check media containing diagnostic and test programs for malicious code before the media are used in organizational systems.', NULL, '3.7.4', NULL, NULL, NULL, NULL),
  ('MA.L2-3.7.5', '2', 'MA', '3.7.5', 'Nonlocal Maintenance', 'Require multifactor authentication to establish nonlocal maintenance sessions via external network connections and terminate such connections when nonlocal maintenance is complete.', NULL, '3.7.5', NULL, NULL, NULL, NULL),
  ('MA.L2-3.7.6', '2', 'MA', '3.7.6', 'Maintenance Personnel', 'Supervise the maintenance activities of maintenance personnel without required access authorization.', NULL, '3.7.6', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.2', '2', 'MP', '3.8.2', 'Media Access', 'Limit access to CUI on system media to authorized users.', NULL, '3.8.2', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.4', '2', 'MP', '3.8.4', 'Media Markings', 'Mark media with necessary CUI markings and distribution limitations.', NULL, '3.8.4', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.5', '2', 'MP', '3.8.5', 'Media Accountability', 'Control access to media containing CUI and maintain accountability for media during transport outside of controlled areas.', NULL, '3.8.5', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.6', '2', 'MP', '3.8.6', 'Portable Storage Encryption', 'Implement cryptographic mechanisms to protect the confidentiality of CUI stored on digital media during transport unless otherwise protected by alternative physical safeguards.', NULL, '3.8.6', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.7', '2', 'MP', '3.8.7', 'Removable Media', 'Control the use of removable media on system components.', NULL, '3.8.7', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.8', '2', 'MP', '3.8.8', 'Shared Media', 'Prohibit the use of portable storage devices when such devices have no identifiable owner.', NULL, '3.8.8', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.9', '2', 'MP', '3.8.9', 'Protect Backups', 'Protect the confidentiality of backup CUI at storage locations.', NULL, '3.8.9', NULL, NULL, NULL, NULL),
  ('PE.L2-3.10.2', '2', 'PE', '3.10.2', 'Monitor Facility', 'Protect and monitor the physical facility and support infrastructure for organizational systems.', NULL, '3.10.2', NULL, NULL, NULL, NULL),
  ('PE.L2-3.10.3', '2', 'PE', '3.10.3', 'Escort Visitors', 'Escort visitors and monitor visitor activity.', NULL, '3.10.3', NULL, NULL, NULL, NULL),
  ('PE.L2-3.10.4', '2', 'PE', '3.10.4', 'Physical Access Logs', 'Maintain audit logs of physical access.', NULL, '3.10.4', NULL, NULL, NULL, NULL),
  ('PE.L2-3.10.5', '2', 'PE', '3.10.5', 'Manage Physical Access', 'Control and manage physical access devices.', NULL, '3.10.5', NULL, NULL, NULL, NULL),
  ('PE.L2-3.10.6', '2', 'PE', '3.10.6', 'Alternative Work Sites', 'Enforce safeguarding measures for CUI at alternate work sites.', NULL, '3.10.6', NULL, NULL, NULL, NULL),
  ('RA.L2-3.11.3', '2', 'RA', '3.11.3', 'Vulnerability Remediation', 'Remediate vulnerabilities in accordance with risk assessments.', NULL, '3.11.3', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.10', '2', 'SC', '3.13.10', 'Key Management', 'Establish and manage cryptographic keys for cryptography employed in organizational systems.', NULL, '3.13.10', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.12', '2', 'SC', '3.13.12', 'Collaborative Device Control', 'Prohibit remote activation of collaborative computing devices and provide indication of devices in use to users present at the device.', NULL, '3.13.12', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.13', '2', 'SC', '3.13.13', 'Mobile Code', 'Control and monitor the use of mobile code.', NULL, '3.13.13', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.14', '2', 'SC', '3.13.14', 'Voice over Internet Protocol', 'Control and monitor the use of Voice over Internet Protocol (VoIP) technologies.', NULL, '3.13.14', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.15', '2', 'SC', '3.13.15', 'Communications Authenticity', 'Protect the authenticity of communications sessions.', NULL, '3.13.15', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.16', '2', 'SC', '3.13.16', 'Data at Rest', 'Protect the confidentiality of CUI at rest.', NULL, '3.13.16', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.2', '2', 'SC', '3.13.2', 'Security Engineering', 'Employ architectural designs, software development techniques, and systems engineering principles that promote effective information security within organizational systems.', NULL, '3.13.2', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.3', '2', 'SC', '3.13.3', 'Role Separation', 'Separate user functionality from system management functionality.', NULL, '3.13.3', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.4', '2', 'SC', '3.13.4', 'Shared Resource Control', 'Prevent unauthorized and unintended information transfer via shared system resources.', NULL, '3.13.4', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.5', '2', 'SC', '3.13.5', 'Public-Access System Separation', 'Implement subnetworks for publicly accessible system components that are physically or logically separated from internal networks.', NULL, '3.13.5', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.6', '2', 'SC', '3.13.6', 'Network Communication by Exception', 'Deny network communications traffic by default and allow network communications traffic by exception (i.e., deny all, permit by exception).', NULL, '3.13.6', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.7', '2', 'SC', '3.13.7', 'Split Tunneling', 'Prevent remote devices from simultaneously establishing non-remote connections with organizational systems and communicating via some other connection to resources in external networks (i.e., split tunneling).', NULL, '3.13.7', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.8', '2', 'SC', '3.13.8', 'Data in Transit', 'Implement cryptographic mechanisms to prevent unauthorized disclosure of CUI during transmission unless otherwise protected by alternative physical safeguards.', NULL, '3.13.8', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.9', '2', 'SC', '3.13.9', 'Connections Termination', 'Terminate network connections associated with communications sessions at the end of the sessions or after a defined period of inactivity.', NULL, '3.13.9', NULL, NULL, NULL, NULL),
  ('SI.L2-3.14.3', '2', 'SI', '3.14.3', 'Security Alerts & Advisories', 'Monitor system security alerts and advisories and take action in response.', NULL, '3.14.3', NULL, NULL, NULL, NULL),
  ('SI.L2-3.14.4', '2', 'SI', '3.14.4', 'Update Malicious Code Protection', 'Update malicious code protection mechanisms when new releases are available.', NULL, '3.14.4', NULL, NULL, NULL, NULL),
  ('SI.L2-3.14.5', '2', 'SI', '3.14.5', 'System & File Scanning', 'Perform periodic scans of organizational systems and real-time scans of files from external sources as files are downloaded, opened, or executed.', NULL, '3.14.5', NULL, NULL, NULL, NULL),
  ('SI.L2-3.14.6', '2', 'SI', '3.14.6', 'Monitor Communications for Attacks', 'Monitor organizational systems, including inbound and outbound communications traffic, to detect attacks and indicators of potential attacks.', NULL, '3.14.6', NULL, NULL, NULL, NULL),
  ('SI.L2-3.14.7', '2', 'SI', '3.14.7', 'Identify Unauthorized Use', 'Identify unauthorized use of organizational systems.', NULL, '3.14.7', NULL, NULL, NULL, NULL);

COMMIT; -- transaction 1/1
