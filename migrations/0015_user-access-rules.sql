CREATE TABLE `user_access` (
	`user_id` integer NOT NULL,
	`user_group_id` integer,
	`device_group_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`device_group_id`) REFERENCES `device_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_access_user` ON `user_access` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_access_user_group` ON `user_access` (`user_group_id`,`user_id`) WHERE "user_access"."user_group_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `user_access_device_group` ON `user_access` (`device_group_id`,`user_id`) WHERE "user_access"."device_group_id" is not null;