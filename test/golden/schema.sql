CREATE TABLE __rdconsole_migrations (tag TEXT PRIMARY KEY, hash TEXT NOT NULL, applied_at INTEGER NOT NULL);

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
);

CREATE INDEX `console_audit_action` ON `console_audit` (`action`);

CREATE INDEX `console_audit_created_at` ON `console_audit` (`created_at`);

CREATE UNIQUE INDEX `console_audit_guid_unique` ON `console_audit` (`guid`);

CREATE UNIQUE INDEX `users_email_nocase` ON `users` ("email" collate nocase) WHERE "users"."email" <> '';

CREATE UNIQUE INDEX `users_guid_unique` ON `users` (`guid`);

CREATE UNIQUE INDEX `users_name_nocase` ON `users` ("name" collate nocase);
