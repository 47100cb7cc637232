"""Spoken-language vocabulary the parser's lexicon flags: language names and fluency words, in
English and in the languages' own names (German, French, Spanish, Italian, Portuguese and more)."""

from __future__ import annotations

from resume_parser.normalization.lines import word_set

# Human languages people list, in English and in their own names.
LANGUAGES = word_set(
    """
    english german french spanish italian portuguese dutch swedish norwegian danish finnish
    icelandic polish czech slovak hungarian romanian bulgarian greek turkish russian ukrainian
    belarusian serbian croatian bosnian slovenian macedonian albanian lithuanian latvian estonian
    irish welsh catalan basque galician arabic hebrew persian farsi urdu hindi bengali bangla
    punjabi gujarati marathi tamil telugu kannada malayalam odia sinhala nepali chinese mandarin
    cantonese japanese korean vietnamese thai indonesian malay filipino tagalog swahili amharic
    yoruba igbo hausa zulu afrikaans latin esperanto luxembourgish maltese armenian georgian
    azerbaijani kazakh uzbek mongolian khmer lao burmese somali kurdish pashto asl bsl deutsch
    englisch französisch spanisch italienisch français anglais allemand espagnol italien español
    inglés alemán francés italiano inglese tedesco francese spagnolo português inglês svenska
    engelska nederlands engels polski euskera euskara català catalán gallego árabe arabe arabisch
    türkisch turc turco chinesisch japanisch russisch polnisch portugiesisch niederländisch
    chinois japonais russe portugais néerlandais polonais chino japonés ruso portugués alemão
    """
) | {"sign language"}
FLUENCY_HINTS = (
    "native",
    "mother tongue",
    "bilingual",
    "fluent",
    "proficient",
    "proficiency",
    "professional",
    "working",
    "conversational",
    "intermediate",
    "advanced",
    "basic",
    "beginner",
    "elementary",
    "limited",
    "good",
    "excellent",
    "muttersprache",
    "fließend",
    "gut",
    "grundkenntnisse",
    "langue maternelle",
    "courant",
    "notions",
    "nativo",
    "nativa",
    "materna",
    "avanzado",
    "básico",
    "madrelingua",
    "verhandlungssicher",
    "sehr gut",
    "kenntnisse",
    "bilingue",
    "intermédiaire",
    "avancé",
    "débutant",
    "intermedio",
    "intermedia",
    "basico",
    "fluido",
    "bilingüe",
)
