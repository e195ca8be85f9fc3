# The game's own words: buttons, headings, hints, statuses. Same ids in every language.
app-title = להחזיק את הקו
