-- pgform plan
-- pgform-version: 0.1.0
-- source: sha256:879b9903d55d5cff
-- target: sha256:879b9903d55d5cff
-- managed-schemas: ["public"]
-- plan-hash: sha256:5e184ba5bfe5997b710752e36a788387e1c8bb684357965d837868049733a1c1
-- steps: 1
--   insert data: 1
-- hazards: none

SET lock_timeout = '5s';
SET statement_timeout = '1h';
SET check_function_bodies = off;

-- step 1/1: insert data public.cmmc_controls
--   transactional: yes
--   hazards: none
--   reason: 30 declared row(s) missing: (id=AC.L2-3.1.1) (id=AC.L2-3.1.2) (id=AC.L2-3.1.20) (id=AC.L2-3.1.3) (id=AC.L2-3.1.5) (id=AT.L2-3.2.1) (id=AT.L2-3.2.2) (id=AU.L2-3.3.1) (id=AU.L2-3.3.2) (id=CA.L2-3.12.1) (id=CA.L2-3.12.4) (id=CM.L2-3.4.1) (id=CM.L2-3.4.2) (id=IA.L2-3.5.1) (id=IA.L2-3.5.2) (id=IA.L2-3.5.3) (id=IR.L2-3.6.1) (id=IR.L2-3.6.2) (id=MA.L2-3.7.1) (id=MP.L2-3.8.1) (id=MP.L2-3.8.3) (id=PE.L2-3.10.1) (id=PS.L2-3.9.1) (id=PS.L2-3.9.2) (id=RA.L2-3.11.1) (id=RA.L2-3.11.2) (id=SC.L2-3.13.1) (id=SC.L2-3.13.11) (id=SI.L2-3.14.1) (id=SI.L2-3.14.2)
INSERT INTO "public"."cmmc_controls" ("id", "level", "domain", "practice_id", "title", "objective", "discussion", "nist_control_id", "assessment_objectives", "examine_items", "interview_items", "test_items") VALUES
  ('AC.L2-3.1.1', '2', 'AC', '3.1.1', 'Authorized Access Control', 'Limit system access to authorized users, processes acting on behalf of authorized users, and devices (including other systems).', NULL, '3.1.1', '{"[a] authorized users are identified","[b] processes acting on behalf of authorized users are identified","[c] devices (and other systems) authorized to connect to the system are identified","[d] system access is limited to authorized users","[e] system access is limited to processes acting on behalf of authorized users","[f] system access is limited to authorized devices (including other systems)"}', '{"Access control policy","Procedures addressing account management","System security plan","List of active system accounts"}', '{"Personnel with account management responsibilities","System or network administrators"}', '{"Organizational processes for managing system accounts","Mechanisms for implementing account management"}'),
  ('AC.L2-3.1.2', '2', 'AC', '3.1.2', 'Transaction & Function Control', 'Limit system access to the types of transactions and functions that authorized users are permitted to execute.', NULL, '3.1.2', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.20', '2', 'AC', '3.1.20', 'External Connections', 'Verify and control/limit connections to and use of external systems.', NULL, '3.1.20', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.3', '2', 'AC', '3.1.3', 'Control CUI Flow', 'Control the flow of CUI in accordance with approved authorizations.', NULL, '3.1.3', NULL, NULL, NULL, NULL),
  ('AC.L2-3.1.5', '2', 'AC', '3.1.5', 'Least Privilege', 'Employ the principle of least privilege, including for specific security functions and privileged accounts.', NULL, '3.1.5', NULL, NULL, NULL, NULL),
  ('AT.L2-3.2.1', '2', 'AT', '3.2.1', 'Role-Based Risk Awareness', 'Ensure that managers, systems administrators, and users of organizational systems are made aware of the security risks associated with their activities and of the applicable policies, standards, and procedures related to the security of those systems.', NULL, '3.2.1', NULL, NULL, NULL, NULL),
  ('AT.L2-3.2.2', '2', 'AT', '3.2.2', 'Role-Based Training', 'Ensure that personnel are trained to carry out their assigned information security-related duties and responsibilities.', NULL, '3.2.2', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.1', '2', 'AU', '3.3.1', 'System Auditing', 'Create and retain system audit logs and records to the extent needed to enable the monitoring, analysis, investigation, and reporting of unlawful or unauthorized system activity.', NULL, '3.3.1', NULL, NULL, NULL, NULL),
  ('AU.L2-3.3.2', '2', 'AU', '3.3.2', 'User Accountability', 'Ensure that the actions of individual system users can be uniquely traced to those users so they can be held accountable for their actions.', NULL, '3.3.2', NULL, NULL, NULL, NULL),
  ('CA.L2-3.12.1', '2', 'CA', '3.12.1', 'Security Control Assessment', 'Periodically assess the security controls in organizational systems to determine if the controls are effective in their application.', NULL, '3.12.1', NULL, NULL, NULL, NULL),
  ('CA.L2-3.12.4', '2', 'CA', '3.12.4', 'System Security Plan', 'Develop, document, and periodically update system security plans that describe system boundaries, system environments of operation, how security requirements are implemented, and the relationships with or connections to other systems.', NULL, '3.12.4', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.1', '2', 'CM', '3.4.1', 'System Baselining', 'Establish and maintain baseline configurations and inventories of organizational systems (including hardware, software, firmware, and documentation) throughout the respective system development life cycles.', NULL, '3.4.1', NULL, NULL, NULL, NULL),
  ('CM.L2-3.4.2', '2', 'CM', '3.4.2', 'Security Configuration Enforcement', 'Establish and enforce security configuration settings for information technology products employed in organizational systems.', NULL, '3.4.2', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.1', '2', 'IA', '3.5.1', 'Identification', 'Identify system users, processes acting on behalf of users, and devices.', NULL, '3.5.1', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.2', '2', 'IA', '3.5.2', 'Authentication', 'Authenticate (or verify) the identities of users, processes, or devices, as a prerequisite to allowing access to organizational systems.', NULL, '3.5.2', NULL, NULL, NULL, NULL),
  ('IA.L2-3.5.3', '2', 'IA', '3.5.3', 'Multifactor Authentication', 'Use multifactor authentication for local and network access to privileged accounts and for network access to non-privileged accounts.', NULL, '3.5.3', '{"[a] privileged accounts are identified","[b] multifactor authentication is implemented for local access to privileged accounts","[c] multifactor authentication is implemented for network access to privileged accounts","[d] multifactor authentication is implemented for network access to non-privileged accounts"}', '{"Identification and authentication policy","System security plan","System configuration settings"}', '{"System or network administrators"}', '{"Mechanisms supporting multifactor authentication"}'),
  ('IR.L2-3.6.1', '2', 'IR', '3.6.1', 'Incident Handling', 'Establish an operational incident-handling capability for organizational systems that includes preparation, detection, analysis, containment, recovery, and user response activities.', NULL, '3.6.1', NULL, NULL, NULL, NULL),
  ('IR.L2-3.6.2', '2', 'IR', '3.6.2', 'Incident Reporting', 'Track, document, and report incidents to designated officials and/or authorities both internal and external to the organization.', NULL, '3.6.2', NULL, NULL, NULL, NULL),
  ('MA.L2-3.7.1', '2', 'MA', '3.7.1', 'Perform Maintenance', 'Perform maintenance on organizational systems.', NULL, '3.7.1', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.1', '2', 'MP', '3.8.1', 'Media Protection', 'Protect (i.e., physically control and securely store) system media containing CUI, both paper and digital.', NULL, '3.8.1', NULL, NULL, NULL, NULL),
  ('MP.L2-3.8.3', '2', 'MP', '3.8.3', 'Media Disposal', 'Sanitize or destroy system media containing CUI before disposal or release for reuse.', NULL, '3.8.3', NULL, NULL, NULL, NULL),
  ('PE.L2-3.10.1', '2', 'PE', '3.10.1', 'Limit Physical Access', 'Limit physical access to organizational systems, equipment, and the respective operating environments to authorized individuals.', NULL, '3.10.1', NULL, NULL, NULL, NULL),
  ('PS.L2-3.9.1', '2', 'PS', '3.9.1', 'Screen Individuals', 'Screen individuals prior to authorizing access to organizational systems containing CUI.', NULL, '3.9.1', NULL, NULL, NULL, NULL),
  ('PS.L2-3.9.2', '2', 'PS', '3.9.2', 'Personnel Actions', 'Ensure that organizational systems containing CUI are protected during and after personnel actions such as terminations and transfers.', NULL, '3.9.2', NULL, NULL, NULL, NULL),
  ('RA.L2-3.11.1', '2', 'RA', '3.11.1', 'Risk Assessments', 'Periodically assess the risk to organizational operations (including mission, functions, image, or reputation), organizational assets, and individuals, resulting from the operation of organizational systems and the associated processing, storage, or transmission of CUI.', NULL, '3.11.1', NULL, NULL, NULL, NULL),
  ('RA.L2-3.11.2', '2', 'RA', '3.11.2', 'Vulnerability Scan', 'Scan for vulnerabilities in organizational systems and applications periodically and when new vulnerabilities affecting those systems and applications are identified.', NULL, '3.11.2', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.1', '2', 'SC', '3.13.1', 'Boundary Protection', 'Monitor, control, and protect communications (i.e., information transmitted or received by organizational systems) at the external boundaries and key internal boundaries of organizational systems.', NULL, '3.13.1', NULL, NULL, NULL, NULL),
  ('SC.L2-3.13.11', '2', 'SC', '3.13.11', 'CUI Encryption', 'Employ FIPS-validated cryptography when used to protect the confidentiality of CUI.', NULL, '3.13.11', NULL, NULL, NULL, NULL),
  ('SI.L2-3.14.1', '2', 'SI', '3.14.1', 'Flaw Remediation', 'Identify, report, and correct system flaws in a timely manner.', NULL, '3.14.1', NULL, NULL, NULL, NULL),
  ('SI.L2-3.14.2', '2', 'SI', '3.14.2', 'Malicious Code Protection', 'Provide protection from malicious code at designated locations within organizational systems.', NULL, '3.14.2', NULL, NULL, NULL, NULL);
