CREATE TABLE `login_lockouts` (
	`kind` text NOT NULL,
	`subject` text NOT NULL,
	`locked_at` integer NOT NULL,
	`locked_until` integer NOT NULL,
	PRIMARY KEY(`kind`, `subject`)
);
--> statement-breakpoint
CREATE INDEX `login_lockouts_until` ON `login_lockouts` (`locked_until`);