CREATE TABLE `device_disconnects` (
	`device_id` integer NOT NULL,
	`conn_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`device_id`, `conn_id`),
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `device_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `device_groups_guid_unique` ON `device_groups` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `device_groups_name_nocase` ON `device_groups` ("name" collate nocase);--> statement-breakpoint
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
	`last_seen_at` integer,
	`last_ip` text,
	`conns` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`group_id`) REFERENCES `device_groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_guid_unique` ON `devices` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `devices_rd_id_unique` ON `devices` (`rd_id`);--> statement-breakpoint
CREATE INDEX `devices_owner` ON `devices` (`owner_id`);--> statement-breakpoint
CREATE INDEX `devices_group` ON `devices` (`group_id`);--> statement-breakpoint
CREATE INDEX `devices_last_seen` ON `devices` (`last_seen_at`);--> statement-breakpoint
CREATE TABLE `group_access` (
	`group_id` integer NOT NULL,
	`user_group_id` integer,
	`device_group_id` integer,
	FOREIGN KEY (`group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_group_id`) REFERENCES `device_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `group_access_user_group` ON `group_access` (`group_id`,`user_group_id`) WHERE "group_access"."user_group_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `group_access_device_group` ON `group_access` (`group_id`,`device_group_id`) WHERE "group_access"."device_group_id" is not null;