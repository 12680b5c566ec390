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
--> statement-breakpoint
CREATE UNIQUE INDEX `ab_peers_book_peer` ON `ab_peers` (`ab_id`,`peer_id`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE UNIQUE INDEX `ab_rules_guid_unique` ON `ab_rules` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `ab_rules_user` ON `ab_rules` (`ab_id`,`user_id`) WHERE "ab_rules"."user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `ab_rules_group` ON `ab_rules` (`ab_id`,`group_id`) WHERE "ab_rules"."group_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `ab_rules_everyone` ON `ab_rules` (`ab_id`) WHERE "ab_rules"."user_id" is null and "ab_rules"."group_id" is null;--> statement-breakpoint
CREATE TABLE `ab_tags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ab_id` integer NOT NULL,
	`name` text NOT NULL,
	`color` integer NOT NULL,
	FOREIGN KEY (`ab_id`) REFERENCES `address_books`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ab_tags_book_name` ON `ab_tags` (`ab_id`,`name`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE UNIQUE INDEX `address_books_guid_unique` ON `address_books` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `address_books_personal_owner` ON `address_books` (`owner_id`) WHERE "address_books"."personal" = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `address_books_shared_name_nocase` ON `address_books` ("name" collate nocase) WHERE "address_books"."personal" = 0;--> statement-breakpoint
CREATE TABLE `user_group_members` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`group_id` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `user_groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_group_members_group` ON `user_group_members` (`group_id`);--> statement-breakpoint
CREATE TABLE `user_groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_groups_guid_unique` ON `user_groups` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `user_groups_name_nocase` ON `user_groups` ("name" collate nocase);