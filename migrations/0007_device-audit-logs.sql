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
--> statement-breakpoint
CREATE UNIQUE INDEX `alarm_audit_guid_unique` ON `alarm_audit` (`guid`);--> statement-breakpoint
CREATE INDEX `alarm_audit_created` ON `alarm_audit` (`created_at`);--> statement-breakpoint
CREATE INDEX `alarm_audit_device` ON `alarm_audit` (`rd_id`);--> statement-breakpoint
CREATE TABLE `audit_nonces` (
	`nonce` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_nonces_created` ON `audit_nonces` (`created_at`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE UNIQUE INDEX `conn_audit_guid_unique` ON `conn_audit` (`guid`);--> statement-breakpoint
CREATE INDEX `conn_audit_conn` ON `conn_audit` (`rd_id`,`conn_id`);--> statement-breakpoint
CREATE INDEX `conn_audit_session` ON `conn_audit` (`rd_id`,`session_id`);--> statement-breakpoint
CREATE INDEX `conn_audit_opened` ON `conn_audit` (`opened_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `conn_audit_seq` ON `conn_audit` (`seq`);--> statement-breakpoint
CREATE INDEX `conn_audit_device` ON `conn_audit` (`device_id`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE UNIQUE INDEX `file_audit_guid_unique` ON `file_audit` (`guid`);--> statement-breakpoint
CREATE INDEX `file_audit_created` ON `file_audit` (`created_at`);--> statement-breakpoint
CREATE INDEX `file_audit_device` ON `file_audit` (`rd_id`);