-- The metrics service now publishes each company's growthBucket with its figures, and the report files and filters
-- by that value instead of recomputing it. Snapshots stored before carry it only in the growth_bucket column (which
-- the report computed then): copy it into their payload, so that the view loaded at start filters them the same.
update company_snapshot
   set payload = payload || jsonb_build_object('growthBucket', lower(growth_bucket))
 where payload -> 'growthBucket' is null; -- the key is missing (a published null is JSON null, not SQL null)
