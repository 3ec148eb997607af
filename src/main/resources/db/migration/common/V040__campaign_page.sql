-- What the public pages show beyond the text: a campaign's goal steps (e.g. "100, 250, 500"; empty:
-- its goal alone, then the automatic steps), the one next step the thank-you page offers (a kind
-- and an https address), and the campaign image's description for those who do not see it. On the
-- petitions row, so a change moves its public_version like any other edit.
ALTER TABLE petitions ADD COLUMN goal_steps TEXT;
ALTER TABLE petitions ADD COLUMN next_step TEXT;
ALTER TABLE petitions ADD COLUMN next_step_url TEXT;
ALTER TABLE petitions ADD COLUMN image_alt TEXT;

-- The campaign page's recent activity reads a petition's latest listed confirmations, newest first,
-- and the thank-you page counts those confirmed before the signer's: both from the index alone.
CREATE INDEX signatures_recent ON signatures (petition_id, state, confirmed_at);
