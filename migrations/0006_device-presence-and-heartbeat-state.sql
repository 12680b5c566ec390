CREATE TABLE `device_presence` (
	`device_id` integer PRIMARY KEY NOT NULL,
	`last_seen_at` integer,
	`last_ip` text,
	`conns` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `state_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `device_presence` (`device_id`, `last_seen_at`, `last_ip`, `conns`) SELECT `id`, `last_seen_at`, `last_ip`, `conns` FROM `devices`;
--> statement-breakpoint
DROP INDEX `devices_last_seen`;--> statement-breakpoint
ALTER TABLE `devices` DROP COLUMN `last_seen_at`;--> statement-breakpoint
ALTER TABLE `devices` DROP COLUMN `last_ip`;--> statement-breakpoint
ALTER TABLE `devices` DROP COLUMN `conns`;
--> statement-breakpoint
CREATE TRIGGER `devices_presence_row` AFTER INSERT ON `devices`
BEGIN INSERT INTO `device_presence` (`device_id`) VALUES (NEW.`id`); END;
--> statement-breakpoint
INSERT INTO `state_versions` (`name`, `n`) VALUES ('heartbeat', 0), ('bans', 0);
--> statement-breakpoint
CREATE TRIGGER `devices_heartbeat_update` AFTER UPDATE OF `rd_id`, `uuid`, `enabled` ON `devices`
WHEN OLD.`rd_id` IS NOT NEW.`rd_id` OR OLD.`uuid` IS NOT NEW.`uuid` OR OLD.`enabled` IS NOT NEW.`enabled`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;
--> statement-breakpoint
CREATE TRIGGER `devices_heartbeat_delete` AFTER DELETE ON `devices`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;
--> statement-breakpoint
CREATE TRIGGER `bans_version_insert` AFTER INSERT ON `bans`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'bans'; END;
--> statement-breakpoint
CREATE TRIGGER `bans_version_update` AFTER UPDATE ON `bans`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'bans'; END;
--> statement-breakpoint
CREATE TRIGGER `bans_version_delete` AFTER DELETE ON `bans`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'bans'; END;
--> statement-breakpoint
CREATE TRIGGER `device_disconnects_heartbeat_insert` AFTER INSERT ON `device_disconnects`
BEGIN UPDATE `state_versions` SET `n` = `n` + 1 WHERE `name` = 'heartbeat'; END;
