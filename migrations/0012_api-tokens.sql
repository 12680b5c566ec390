CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`guid` text NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'api' NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text DEFAULT '{}' NOT NULL,
	`owner_id` integer,
	`note` text DEFAULT '' NOT NULL,
	`presets` text DEFAULT '{}' NOT NULL,
	`max_uses` integer,
	`uses` integer DEFAULT 0 NOT NULL,
	`lock` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	`last_used_at` integer,
	`expires_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_guid_unique` ON `api_tokens` (`guid`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_name_nocase` ON `api_tokens` ("name" collate nocase);--> statement-breakpoint
CREATE INDEX `api_tokens_prefix` ON `api_tokens` (`prefix`);--> statement-breakpoint
CREATE INDEX `api_tokens_owner` ON `api_tokens` (`owner_id`);