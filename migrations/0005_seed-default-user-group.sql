-- RustDesk Server Pro's model: a "Default" user group exists and users without a group belong to it.
INSERT INTO `user_groups` (`guid`, `name`, `note`, `created_at`, `updated_at`)
SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
       'Default', 'Users are added here unless they are put in another group', CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER)
WHERE NOT EXISTS (SELECT 1 FROM `user_groups` WHERE `name` = 'Default' COLLATE NOCASE);
--> statement-breakpoint
INSERT INTO `user_group_members` (`user_id`, `group_id`)
SELECT `users`.`id`, (SELECT `id` FROM `user_groups` WHERE `name` = 'Default' COLLATE NOCASE)
FROM `users` WHERE `users`.`id` NOT IN (SELECT `user_id` FROM `user_group_members`);
