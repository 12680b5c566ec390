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
--> statement-breakpoint
CREATE INDEX `token_enrolments_token` ON `token_enrolments` (`token_id`,`id`);--> statement-breakpoint
ALTER TABLE `devices` ADD `device_username` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `devices` ADD `pk` text;