CREATE TRIGGER `bans_version_delete` AFTER DELETE ON `bans`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'bans'; END;

CREATE TRIGGER `bans_version_insert` AFTER INSERT ON `bans`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'bans'; END;

CREATE TRIGGER `bans_version_update` AFTER UPDATE ON `bans`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'bans'; END;

CREATE TRIGGER `console_settings_version_delete` AFTER DELETE ON `console_settings`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'settings'; END;

CREATE TRIGGER `console_settings_version_insert` AFTER INSERT ON `console_settings`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'settings'; END;

CREATE TRIGGER `console_settings_version_update` AFTER UPDATE ON `console_settings`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'settings'; END;

CREATE TRIGGER `device_disconnects_heartbeat_insert` AFTER INSERT ON `device_disconnects`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;

CREATE TRIGGER `device_groups_strategy_version` AFTER UPDATE OF `strategy_id` ON `device_groups`
WHEN OLD.`strategy_id` IS NOT NEW.`strategy_id`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;

CREATE TRIGGER `devices_assignment_update` AFTER UPDATE OF `owner_id`, `group_id`, `strategy_id` ON `devices`
WHEN OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`group_id` IS NOT NEW.`group_id` OR OLD.`strategy_id` IS NOT NEW.`strategy_id`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;

CREATE TRIGGER `devices_heartbeat_delete` AFTER DELETE ON `devices`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;

CREATE TRIGGER `devices_heartbeat_update` AFTER UPDATE OF `rd_id`, `uuid`, `enabled` ON `devices`
WHEN OLD.`rd_id` IS NOT NEW.`rd_id` OR OLD.`uuid` IS NOT NEW.`uuid` OR OLD.`enabled` IS NOT NEW.`enabled`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;

CREATE TRIGGER `devices_presence_row` AFTER INSERT ON `devices`
BEGIN INSERT INTO `device_presence` (`device_id`) VALUES (NEW.`id`); END;

CREATE TRIGGER `notification_targets_version_delete` AFTER DELETE ON `notification_targets`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'notifications'; END;

CREATE TRIGGER `notification_targets_version_insert` AFTER INSERT ON `notification_targets`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'notifications'; END;

CREATE TRIGGER `notification_targets_version_update` AFTER UPDATE ON `notification_targets`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'notifications'; END;

CREATE TRIGGER `strategies_version_delete` AFTER DELETE ON `strategies`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;

CREATE TRIGGER `strategies_version_insert` AFTER INSERT ON `strategies`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;

CREATE TRIGGER `strategies_version_update` AFTER UPDATE ON `strategies`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;

CREATE TRIGGER `users_strategy_version` AFTER UPDATE OF `strategy_id` ON `users`
WHEN OLD.`strategy_id` IS NOT NEW.`strategy_id`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;

CREATE TABLE __rdconsole_migrations (tag TEXT PRIMARY KEY, hash TEXT NOT NULL, applied_at INTEGER NOT NULL);

CREATE TABLE `ab_peers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ab_id` integer NOT NULL,
	`peer_id` text NOT NULL,
	`alias` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`hash` text DEFAULT '' NOT NULL,
	`password` text DEFAULT '' NOT NULL,
	`username` text DEFAULT '' NOT NULL,
	`hostname` text DEFAULT '' NOT NULL,
	`platform` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`extra` text DEFAULT '{}' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`ab_id`) REFERENCES `address_books`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `ab_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`ab_id` integer NOT NULL,
	`user_id` integer,
	`group_id` integer,
	`rule` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`ab_id`) REFERENCES `address_books`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `ab_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ab_id` integer NOT NULL,
	`name` text NOT NULL,
	`color` integer NOT NULL,
	FOREIGN KEY (`ab_id`) REFERENCES `address_books`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `address_books` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`owner_id` integer NOT NULL,
	`personal` integer NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`password` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `alarm_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`rd_id` text NOT NULL,
	`conn_id` integer,
	`typ` integer NOT NULL,
	`info` text DEFAULT '{}' NOT NULL,
	`info_raw` text,
	`ip` text,
	`conn_audit_ref` text,
	`created_at` integer NOT NULL
);

CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'api' NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text DEFAULT '{}' NOT NULL,
	`owner_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`presets` text DEFAULT '{}' NOT NULL,
	`max_uses` integer,
	`uses` integer DEFAULT 0 NOT NULL,
	`lock` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);

CREATE TABLE `audit_nonces` (
	`nonce` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);

CREATE TABLE `bans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`cidr` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer
);

CREATE TABLE `conn_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`rd_id` text NOT NULL,
	`device_id` integer,
	`conn_id` integer NOT NULL,
	`session_id` text DEFAULT '0' NOT NULL,
	`peer_id` text,
	`peer_name` text,
	`conn_type` integer,
	`primary_auth` integer,
	`two_factor` integer,
	`ip` text,
	`conn_audit_ref` text,
	`note` text DEFAULT '' NOT NULL,
	`opened_at` integer NOT NULL,
	`authorized_at` integer,
	`closed_at` integer,
	`updated_at` integer NOT NULL,
	`seq` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE set null
);

CREATE TABLE `console_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`created_at` integer NOT NULL,
	`actor_type` text NOT NULL,
	`actor_guid` text,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`target_type` text,
	`target_guid` text,
	`target_name` text,
	`details` text DEFAULT '{}' NOT NULL,
	`ip` text
);

CREATE TABLE `console_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);

CREATE TABLE `device_disconnects` (
	`device_id` integer NOT NULL,
	`conn_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`device_id`, `conn_id`),
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `device_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
, `strategy_id` integer REFERENCES strategies(id) ON DELETE set null);

CREATE TABLE `device_presence` (
	`device_id` integer PRIMARY KEY NOT NULL,
	`last_seen_at` integer,
	`last_ip` text,
	`conns` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `device_strategy_state` (
	`device_id` integer PRIMARY KEY NOT NULL,
	`keys` text DEFAULT '[]' NOT NULL,
	`sent_stamp` integer,
	`sent_options` text,
	`sent_at` integer,
	`confirmed_stamp` integer,
	`confirmed_at` integer,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`rd_id` text NOT NULL,
	`uuid` text DEFAULT '' NOT NULL,
	`owner_id` integer,
	`group_id` integer,
	`alias` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`pending` integer DEFAULT false NOT NULL,
	`sysinfo` text DEFAULT '{}' NOT NULL,
	`sysinfo_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL, `strategy_id` integer REFERENCES strategies(id) ON DELETE set null, `device_username` text DEFAULT '' NOT NULL, `pk` text,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`group_id`) REFERENCES `device_groups`(`id`) ON UPDATE no action ON DELETE set null
);

CREATE TABLE `file_audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`rd_id` text NOT NULL,
	`conn_id` integer,
	`peer_id` text,
	`peer_name` text,
	`direction` integer NOT NULL,
	`path` text DEFAULT '' NOT NULL,
	`is_file` integer DEFAULT false NOT NULL,
	`files` text DEFAULT '[]' NOT NULL,
	`file_count` integer,
	`ip` text,
	`info_raw` text,
	`created_at` integer NOT NULL
);

CREATE TABLE `group_access` (
	`group_id` integer NOT NULL,
	`user_group_id` integer,
	`device_group_id` integer,
	FOREIGN KEY (`group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_group_id`) REFERENCES `device_groups`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `login_challenges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`secret_hash` text NOT NULL,
	`user_id` integer NOT NULL,
	`kind` text NOT NULL,
	`device_id` text DEFAULT '' NOT NULL,
	`device_uuid` text DEFAULT '' NOT NULL,
	`device_info` text DEFAULT '{}' NOT NULL,
	`code_hash` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL, `session_kind` text DEFAULT 'client' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `login_lockouts` (
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`locked_at` integer NOT NULL,
	`locked_until` integer NOT NULL,
	PRIMARY KEY(`kind`, `subject`)
);

CREATE TABLE `notification_targets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`url` text DEFAULT '' NOT NULL,
	`emails` text DEFAULT '[]' NOT NULL,
	`secret` text DEFAULT '' NOT NULL,
	`kinds` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);

CREATE TABLE `online_samples` (
	`at` integer PRIMARY KEY NOT NULL,
	`online` integer NOT NULL,
	`total` integer NOT NULL
);

CREATE TABLE `recordings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`device_id` integer,
	`rd_id` text NOT NULL,
	`file` text NOT NULL,
	`path` text NOT NULL,
	`size` integer DEFAULT 0 NOT NULL,
	`complete` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE set null
);

CREATE TABLE `recovery_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`device_id` text DEFAULT '' NOT NULL,
	`device_uuid` text DEFAULT '' NOT NULL,
	`device_info` text DEFAULT '{}' NOT NULL,
	`ip` text,
	`created_at` integer NOT NULL,
	`last_used_at` integer NOT NULL,
	`expires_at` integer NOT NULL, `kind` text DEFAULT 'client' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `sso_identities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`user_id` integer NOT NULL,
	`provider` text NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`last_login_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `state_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);

CREATE TABLE `strategies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`reapply_hours` integer,
	`is_default` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);

CREATE TABLE `token_enrolments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_id` integer NOT NULL,
	`device_id` integer,
	`rd_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`ip` text,
	`set` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE set null
);

CREATE TABLE `user_access` (
	`user_id` integer NOT NULL,
	`user_group_id` integer,
	`device_group_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_group_id`) REFERENCES `device_groups`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `user_devices` (
	`user_id` integer NOT NULL,
	`device_uuid` text NOT NULL,
	`device_id` text DEFAULT '' NOT NULL,
	`first_seen_at` integer NOT NULL,
	`last_login_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `device_uuid`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `user_group_members` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`group_id` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `user_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);

CREATE TABLE `user_invites` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `user_totp` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`secret_enc` text NOT NULL,
	`confirmed_at` integer,
	`last_time_step` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);

CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`display_name` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`password_hash` text,
	`is_admin` integer DEFAULT false NOT NULL,
	`status` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
, `email_verification` integer DEFAULT false NOT NULL, `strategy_id` integer REFERENCES strategies(id) ON DELETE set null, `totp_enforced` integer DEFAULT false NOT NULL, `totp_enforce_url` text DEFAULT '' NOT NULL);

CREATE INDEX `ab_peers_book_order` ON `ab_peers` (`ab_id`,`id`);

CREATE UNIQUE INDEX `ab_peers_book_peer` ON `ab_peers` (`ab_id`,`peer_id`);

CREATE UNIQUE INDEX `ab_rules_everyone` ON `ab_rules` (`ab_id`) WHERE "ab_rules"."user_id" is null and "ab_rules"."group_id" is null;

CREATE UNIQUE INDEX `ab_rules_group` ON `ab_rules` (`ab_id`,`group_id`) WHERE "ab_rules"."group_id" is not null;

CREATE UNIQUE INDEX `ab_rules_guid_unique` ON `ab_rules` (`guid`);

CREATE UNIQUE INDEX `ab_rules_user` ON `ab_rules` (`ab_id`,`user_id`) WHERE "ab_rules"."user_id" is not null;

CREATE UNIQUE INDEX `ab_tags_book_name` ON `ab_tags` (`ab_id`,`name`);

CREATE UNIQUE INDEX `address_books_guid_unique` ON `address_books` (`guid`);

CREATE UNIQUE INDEX `address_books_personal_owner` ON `address_books` (`owner_id`) WHERE "address_books"."personal" = 1;

CREATE UNIQUE INDEX `address_books_shared_name_nocase` ON `address_books` ("name" collate nocase) WHERE "address_books"."personal" = 0;

CREATE INDEX `alarm_audit_created` ON `alarm_audit` (`created_at`);

CREATE INDEX `alarm_audit_device` ON `alarm_audit` (`rd_id`);

CREATE UNIQUE INDEX `alarm_audit_guid_unique` ON `alarm_audit` (`guid`);

CREATE UNIQUE INDEX `api_tokens_guid_unique` ON `api_tokens` (`guid`);

CREATE UNIQUE INDEX `api_tokens_name_nocase` ON `api_tokens` ("name" collate nocase);

CREATE INDEX `api_tokens_owner` ON `api_tokens` (`owner_id`);

CREATE INDEX `api_tokens_prefix` ON `api_tokens` (`prefix`);

CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);

CREATE INDEX `audit_nonces_created` ON `audit_nonces` (`created_at`);

CREATE INDEX `bans_expires_at` ON `bans` (`expires_at`);

CREATE UNIQUE INDEX `bans_guid_unique` ON `bans` (`guid`);

CREATE INDEX `conn_audit_conn` ON `conn_audit` (`rd_id`,`conn_id`);

CREATE INDEX `conn_audit_device` ON `conn_audit` (`device_id`);

CREATE UNIQUE INDEX `conn_audit_guid_unique` ON `conn_audit` (`guid`);

CREATE INDEX `conn_audit_opened` ON `conn_audit` (`opened_at`);

CREATE UNIQUE INDEX `conn_audit_seq` ON `conn_audit` (`seq`);

CREATE INDEX `conn_audit_session` ON `conn_audit` (`rd_id`,`session_id`);

CREATE INDEX `console_audit_action` ON `console_audit` (`action`);

CREATE INDEX `console_audit_action_time` ON `console_audit` (`action`,`created_at`);

CREATE INDEX `console_audit_created_at` ON `console_audit` (`created_at`);

CREATE UNIQUE INDEX `console_audit_guid_unique` ON `console_audit` (`guid`);

CREATE UNIQUE INDEX `device_groups_guid_unique` ON `device_groups` (`guid`);

CREATE UNIQUE INDEX `device_groups_name_nocase` ON `device_groups` ("name" collate nocase);

CREATE INDEX `devices_group` ON `devices` (`group_id`);

CREATE UNIQUE INDEX `devices_guid_unique` ON `devices` (`guid`);

CREATE INDEX `devices_owner` ON `devices` (`owner_id`);

CREATE INDEX `devices_pending` ON `devices` (`pending`) WHERE "devices"."pending" = 1;

CREATE UNIQUE INDEX `devices_rd_id_unique` ON `devices` (`rd_id`);

CREATE INDEX `devices_strategy` ON `devices` (`strategy_id`) WHERE "devices"."strategy_id" is not null;

CREATE INDEX `file_audit_created` ON `file_audit` (`created_at`);

CREATE INDEX `file_audit_device` ON `file_audit` (`rd_id`);

CREATE UNIQUE INDEX `file_audit_guid_unique` ON `file_audit` (`guid`);

CREATE UNIQUE INDEX `group_access_device_group` ON `group_access` (`group_id`,`device_group_id`) WHERE "group_access"."device_group_id" is not null;

CREATE UNIQUE INDEX `group_access_user_group` ON `group_access` (`group_id`,`user_group_id`) WHERE "group_access"."user_group_id" is not null;

CREATE INDEX `login_challenges_expires_at` ON `login_challenges` (`expires_at`);

CREATE UNIQUE INDEX `login_challenges_secret_hash_unique` ON `login_challenges` (`secret_hash`);

CREATE INDEX `login_challenges_user` ON `login_challenges` (`user_id`);

CREATE INDEX `login_lockouts_until` ON `login_lockouts` (`locked_until`);

CREATE UNIQUE INDEX `notification_targets_name_nocase` ON `notification_targets` ("name" collate nocase);

CREATE INDEX `recordings_device` ON `recordings` (`device_id`);

CREATE UNIQUE INDEX `recordings_guid_unique` ON `recordings` (`guid`);

CREATE UNIQUE INDEX `recordings_path_unique` ON `recordings` (`path`);

CREATE INDEX `recordings_updated` ON `recordings` (`updated_at`);

CREATE INDEX `recovery_codes_user` ON `recovery_codes` (`user_id`);

CREATE INDEX `sessions_expires_at` ON `sessions` (`expires_at`);

CREATE UNIQUE INDEX `sessions_guid_unique` ON `sessions` (`guid`);

CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);

CREATE INDEX `sessions_user` ON `sessions` (`user_id`);

CREATE UNIQUE INDEX `sso_identities_guid_unique` ON `sso_identities` (`guid`);

CREATE UNIQUE INDEX `sso_identities_subject` ON `sso_identities` (`issuer`,`subject`);

CREATE INDEX `sso_identities_user` ON `sso_identities` (`user_id`);

CREATE UNIQUE INDEX `strategies_guid_unique` ON `strategies` (`guid`);

CREATE UNIQUE INDEX `strategies_name_nocase` ON `strategies` ("name" collate nocase);

CREATE UNIQUE INDEX `strategies_one_default` ON `strategies` (`is_default`) WHERE "strategies"."is_default" = 1;

CREATE INDEX `token_enrolments_token` ON `token_enrolments` (`token_id`,`id`);

CREATE UNIQUE INDEX `user_access_device_group` ON `user_access` (`device_group_id`,`user_id`) WHERE "user_access"."device_group_id" is not null;

CREATE INDEX `user_access_user` ON `user_access` (`user_id`);

CREATE UNIQUE INDEX `user_access_user_group` ON `user_access` (`user_group_id`,`user_id`) WHERE "user_access"."user_group_id" is not null;

CREATE INDEX `user_group_members_group` ON `user_group_members` (`group_id`);

CREATE UNIQUE INDEX `user_groups_guid_unique` ON `user_groups` (`guid`);

CREATE UNIQUE INDEX `user_groups_name_nocase` ON `user_groups` ("name" collate nocase);

CREATE UNIQUE INDEX `user_invites_token_hash_unique` ON `user_invites` (`token_hash`);

CREATE INDEX `user_invites_user` ON `user_invites` (`user_id`);

CREATE UNIQUE INDEX `users_email_nocase` ON `users` ("email" collate nocase) WHERE "users"."email" <> '';

CREATE UNIQUE INDEX `users_guid_unique` ON `users` (`guid`);

CREATE UNIQUE INDEX `users_name_nocase` ON `users` ("name" collate nocase);
