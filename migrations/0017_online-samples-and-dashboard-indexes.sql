CREATE TABLE `online_samples` (
	`at` integer PRIMARY KEY NOT NULL,
	`online` integer NOT NULL,
	`total` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `console_audit_action_time` ON `console_audit` (`action`,`created_at`);--> statement-breakpoint
CREATE INDEX `devices_pending` ON `devices` (`pending`) WHERE "devices"."pending" = 1;--> statement-breakpoint
CREATE INDEX `devices_strategy` ON `devices` (`strategy_id`) WHERE "devices"."strategy_id" is not null;