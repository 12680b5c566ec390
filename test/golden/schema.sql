CREATE TABLE __rdconsole_migrations (tag TEXT PRIMARY KEY, hash TEXT NOT NULL, applied_at INTEGER NOT NULL);

CREATE TABLE `bans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`cidr` text NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer
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
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
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
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
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
, `email_verification` integer DEFAULT false NOT NULL);

CREATE INDEX `bans_expires_at` ON `bans` (`expires_at`);

CREATE UNIQUE INDEX `bans_guid_unique` ON `bans` (`guid`);

CREATE INDEX `console_audit_action` ON `console_audit` (`action`);

CREATE INDEX `console_audit_created_at` ON `console_audit` (`created_at`);

CREATE UNIQUE INDEX `console_audit_guid_unique` ON `console_audit` (`guid`);

CREATE INDEX `login_challenges_expires_at` ON `login_challenges` (`expires_at`);

CREATE UNIQUE INDEX `login_challenges_secret_hash_unique` ON `login_challenges` (`secret_hash`);

CREATE INDEX `login_challenges_user` ON `login_challenges` (`user_id`);

CREATE INDEX `recovery_codes_user` ON `recovery_codes` (`user_id`);

CREATE INDEX `sessions_expires_at` ON `sessions` (`expires_at`);

CREATE UNIQUE INDEX `sessions_guid_unique` ON `sessions` (`guid`);

CREATE UNIQUE INDEX `sessions_token_hash_unique` ON `sessions` (`token_hash`);

CREATE INDEX `sessions_user` ON `sessions` (`user_id`);

CREATE UNIQUE INDEX `users_email_nocase` ON `users` ("email" collate nocase) WHERE "users"."email" <> '';

CREATE UNIQUE INDEX `users_guid_unique` ON `users` (`guid`);

CREATE UNIQUE INDEX `users_name_nocase` ON `users` ("name" collate nocase);
