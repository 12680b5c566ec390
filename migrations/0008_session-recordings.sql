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
--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_guid_unique` ON `recordings` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `recordings_path_unique` ON `recordings` (`path`);--> statement-breakpoint
CREATE INDEX `recordings_device` ON `recordings` (`device_id`);--> statement-breakpoint
CREATE INDEX `recordings_updated` ON `recordings` (`updated_at`);