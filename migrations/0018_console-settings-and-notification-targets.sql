CREATE TABLE `console_settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text NOT NULL
);
--> statement-breakpoint
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
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_targets_name_nocase` ON `notification_targets` ("name" collate nocase);--> statement-breakpoint
INSERT INTO `state_versions` (`name`, `n`) VALUES ('settings', 0), ('notifications', 0);--> statement-breakpoint
CREATE TRIGGER `console_settings_version_insert` AFTER INSERT ON `console_settings`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'settings'; END;--> statement-breakpoint
CREATE TRIGGER `console_settings_version_update` AFTER UPDATE ON `console_settings`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'settings'; END;--> statement-breakpoint
CREATE TRIGGER `console_settings_version_delete` AFTER DELETE ON `console_settings`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'settings'; END;--> statement-breakpoint
CREATE TRIGGER `notification_targets_version_insert` AFTER INSERT ON `notification_targets`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'notifications'; END;--> statement-breakpoint
CREATE TRIGGER `notification_targets_version_update` AFTER UPDATE ON `notification_targets`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'notifications'; END;--> statement-breakpoint
CREATE TRIGGER `notification_targets_version_delete` AFTER DELETE ON `notification_targets`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'notifications'; END;
