import { ASSET_ANALYSIS_QUEUE, type AssetAnalysisJob, analyseAsset } from '../assets/analysis-job.ts';
import { DELIVERY_QUEUE, type DeliveryJob } from '../deliveries/enqueue.ts';
import { processDelivery } from '../deliveries/process-delivery.ts';
import type { Deps } from '../deps.ts';
import { NOTIFICATIONS_QUEUE, type NotificationJob } from '../notifications/notify.ts';
import { sendNotification } from './send-notification.ts';

/** Every queue's handler, registered on the app's queue (in-process) and by `npm run worker`. */
export function registerJobHandlers(deps: Deps): void {
  deps.queue.register<NotificationJob>(NOTIFICATIONS_QUEUE, (job) => sendNotification(deps, job));
  deps.queue.register<DeliveryJob>(DELIVERY_QUEUE, (job) => processDelivery(deps, job));
  deps.queue.register<AssetAnalysisJob>(ASSET_ANALYSIS_QUEUE, (job) => analyseAsset(deps, job));
}
