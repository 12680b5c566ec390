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
--> statement-breakpoint
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
--> statement-breakpoint
CREATE UNIQUE INDEX `strategies_guid_unique` ON `strategies` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `strategies_name_nocase` ON `strategies` ("name" collate nocase);--> statement-breakpoint
CREATE UNIQUE INDEX `strategies_one_default` ON `strategies` (`is_default`) WHERE "strategies"."is_default" = 1;--> statement-breakpoint
ALTER TABLE `device_groups` ADD `strategy_id` integer REFERENCES strategies(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `devices` ADD `strategy_id` integer REFERENCES strategies(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `users` ADD `strategy_id` integer REFERENCES strategies(id) ON DELETE set null;--> statement-breakpoint
INSERT INTO `state_versions` (`name`, `n`) VALUES ('strategies', 0);--> statement-breakpoint
CREATE TRIGGER `strategies_version_insert` AFTER INSERT ON `strategies`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;--> statement-breakpoint
CREATE TRIGGER `strategies_version_update` AFTER UPDATE ON `strategies`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;--> statement-breakpoint
CREATE TRIGGER `strategies_version_delete` AFTER DELETE ON `strategies`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;--> statement-breakpoint
CREATE TRIGGER `users_strategy_version` AFTER UPDATE OF `strategy_id` ON `users`
WHEN OLD.`strategy_id` IS NOT NEW.`strategy_id`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;--> statement-breakpoint
CREATE TRIGGER `device_groups_strategy_version` AFTER UPDATE OF `strategy_id` ON `device_groups`
WHEN OLD.`strategy_id` IS NOT NEW.`strategy_id`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'strategies'; END;--> statement-breakpoint
CREATE TRIGGER `devices_assignment_update` AFTER UPDATE OF `owner_id`, `group_id`, `strategy_id` ON `devices`
WHEN OLD.`owner_id` IS NOT NEW.`owner_id` OR OLD.`group_id` IS NOT NEW.`group_id` OR OLD.`strategy_id` IS NOT NEW.`strategy_id`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;
