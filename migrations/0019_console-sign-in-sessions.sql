ALTER TABLE `login_challenges` ADD `session_kind` text DEFAULT 'client' NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `kind` text DEFAULT 'client' NOT NULL;