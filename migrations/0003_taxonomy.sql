-- The social-prescribing vocabulary of needs and activities. Term ids derive
-- from their codes so every Kith deployment publishes the same ids.

INSERT INTO taxonomies (id, name, description, uri, version)
VALUES (md5('taxonomy:kith-needs')::uuid, 'Kith social prescribing needs and activities',
        'What a person needs help with, or would like to do, as link workers and community groups describe it.',
        'https://kith.example/taxonomy/needs', '1');

CREATE TEMPORARY TABLE seed_terms (code text, name text, parent text, description text) ON COMMIT DROP;
INSERT INTO seed_terms (code, name, parent, description) VALUES
('loneliness', 'Loneliness & befriending', NULL, 'Company, friendship and feeling part of something.'),
('befriending', 'Befriending', 'loneliness', 'A regular volunteer visit or call.'),
('social-groups', 'Social & lunch clubs', 'loneliness', 'Clubs, coffee mornings and lunch clubs to meet people.'),
('mens-sheds', 'Men''s sheds', 'loneliness', 'Making, mending and talking shoulder to shoulder.'),
('peer-support', 'Peer support', 'loneliness', 'Groups run by people with shared experience.'),
('physical-activity', 'Physical activity', NULL, 'Moving more, at any level of fitness.'),
('walking', 'Walking groups', 'physical-activity', 'Led health walks and rambles.'),
('gentle-exercise', 'Gentle & chair-based exercise', 'physical-activity', 'Seated exercise, strength and balance, tai chi.'),
('dance', 'Dance', 'physical-activity', 'Social, tea and community dance.'),
('sport', 'Sport & swimming', 'physical-activity', 'Walking football, swimming, bowls, cycling.'),
('arts-creativity', 'Arts & creativity', NULL, 'Making, performing and enjoying art.'),
('singing', 'Singing & choirs', 'arts-creativity', 'Community choirs and singing for wellbeing.'),
('crafts', 'Crafts', 'arts-creativity', 'Knitting, sewing, woodwork and other crafts.'),
('art-classes', 'Art classes', 'arts-creativity', 'Painting, drawing, pottery and photography.'),
('music', 'Music', 'arts-creativity', 'Playing and listening to music together.'),
('writing-reading', 'Reading & writing groups', 'arts-creativity', 'Book clubs, creative writing, reminiscence.'),
('mental-wellbeing', 'Mental wellbeing', NULL, 'Low mood, anxiety, stress and emotional support.'),
('talking-support', 'Talking support', 'mental-wellbeing', 'Listening services, counselling and support groups.'),
('mindfulness', 'Mindfulness & relaxation', 'mental-wellbeing', 'Mindfulness, meditation and relaxation.'),
('money-debt', 'Money & debt', NULL, 'Debt, budgeting, benefits and the cost of living.'),
('debt-advice', 'Debt advice', 'money-debt', 'Free, confidential debt advice.'),
('benefits-advice', 'Benefits advice', 'money-debt', 'Checking entitlements and help with claims and appeals.'),
('energy-advice', 'Energy & fuel poverty', 'money-debt', 'Help with energy bills, warm homes and grants.'),
('housing', 'Housing', NULL, 'Somewhere safe and affordable to live.'),
('housing-advice', 'Housing advice', 'housing', 'Tenancy, repairs, rent arrears and eviction.'),
('homelessness', 'Homelessness', 'housing', 'Support for people who are homeless or at risk.'),
('employment-skills', 'Employment & skills', NULL, 'Work, training and learning.'),
('job-search', 'Job search support', 'employment-skills', 'CVs, applications, interviews and job clubs.'),
('adult-learning', 'Adult learning', 'employment-skills', 'Courses, English language (ESOL), maths and confidence.'),
('volunteering', 'Volunteering', NULL, 'Giving time, gaining confidence and purpose.'),
('carers', 'Carers', NULL, 'Support for unpaid carers.'),
('bereavement', 'Bereavement', NULL, 'Support after the death of someone close.'),
('food-cooking', 'Food & cooking', NULL, 'Healthy eating, cooking skills and food support.'),
('food-support', 'Food banks & pantries', 'food-cooking', 'Emergency food, community pantries and fridges.'),
('cooking-skills', 'Cooking skills', 'food-cooking', 'Learning to cook well on a budget.'),
('nature-gardening', 'Nature & gardening', NULL, 'Time outdoors, growing and green spaces.'),
('community-gardening', 'Community gardening', 'nature-gardening', 'Allotments, growing projects and therapeutic gardening.'),
('conservation', 'Conservation volunteering', 'nature-gardening', 'Looking after parks, coasts and nature reserves.'),
('digital-skills', 'Digital skills', NULL, 'Getting online safely and confidently.'),
('healthy-living', 'Healthy living & long-term conditions', NULL, 'Living well with a condition, weight, smoking.'),
('condition-support', 'Condition support groups', 'healthy-living', 'Groups for diabetes, COPD, stroke, dementia and more.'),
('stop-smoking', 'Stop smoking', 'healthy-living', 'Help to quit smoking.'),
('weight-management', 'Weight management', 'healthy-living', 'Support to reach a healthier weight.'),
('substance-use', 'Alcohol & drugs', NULL, 'Support with alcohol or drug use.'),
('families', 'Families & parenting', NULL, 'Support for parents, families and young people.'),
('domestic-abuse', 'Domestic abuse', NULL, 'Safety and support for people affected by domestic abuse.'),
('advice-rights', 'Advice & rights', NULL, 'Legal, immigration, consumer and employment rights advice.'),
('transport', 'Getting out & transport', NULL, 'Community transport and help to get out and about.'),
('faith-culture', 'Faith & cultural communities', NULL, 'Groups rooted in a faith or culture.');

INSERT INTO taxonomy_terms (id, taxonomy_id, parent_id, code, name, description)
SELECT md5('term:' || code)::uuid,
       md5('taxonomy:kith-needs')::uuid,
       CASE WHEN parent IS NULL THEN NULL ELSE md5('term:' || parent)::uuid END,
       code, name, description
FROM seed_terms
ORDER BY parent NULLS FIRST;
