-- What the user jobs (activity analysis, recommendations, notifications) need of each user's
-- preferences: the time zone their hours of the day are counted in, whether the analysis runs for
-- them, which recommender they chose (built in, or an AI chat API with its address and model; its
-- key is sealed like source secrets), how many recommendations of which media types, and the lowest
-- rating a title may have to be suggested.
ALTER TABLE user_job_preferences ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
ALTER TABLE user_job_preferences ADD COLUMN analysis_enabled BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE user_job_preferences ADD COLUMN recommender TEXT NOT NULL DEFAULT 'builtin';
ALTER TABLE user_job_preferences ADD COLUMN recommender_url TEXT;
ALTER TABLE user_job_preferences ADD COLUMN recommender_model TEXT;
ALTER TABLE user_job_preferences ADD COLUMN recommender_secret TEXT;
ALTER TABLE user_job_preferences ADD COLUMN max_recommendations INTEGER NOT NULL DEFAULT 20;
ALTER TABLE user_job_preferences ADD COLUMN media_types TEXT NOT NULL DEFAULT '[]';
ALTER TABLE user_job_preferences ADD COLUMN min_rating DOUBLE PRECISION;

-- A recommendation's score (its rank among the run's), beside the confidence the original had.
ALTER TABLE recommendations ADD COLUMN score DOUBLE PRECISION NOT NULL DEFAULT 0;

-- How many plays a profile was computed from.
ALTER TABLE activity_profiles ADD COLUMN plays_counted INTEGER NOT NULL DEFAULT 0;
