"""Stop words (German and English) and the function words that tell languages apart.

The English stop words are scikit-learn's list; the German list is written here (articles, pronouns,
prepositions, conjunctions, auxiliaries, particles and filler words that carry no theme).
"""

from __future__ import annotations

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as _SKLEARN_ENGLISH


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GERMAN_STOP_WORDS: frozenset[str] = _words(
    """
    aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anders
    auch auf aus bei beim bin bis bist bitte da dabei dadurch dafür dagegen daher damit dann dar daran
    darauf darum das dass daß dein deine dem den denen denn der deren des deshalb dessen dich die dies
    diese diesem diesen dieser dieses dir doch dort du durch eben ein eine einem einen einer eines einfach
    einmal einige einigem einigen einiger einiges er es etwa etwas euch euer eure für gab gar gegen
    gehabt gewesen gibt hab habe haben hast hat hatte hätte hatten hätten her hier hin hinter ich ihm ihn
    ihnen ihr ihre ihrem ihren ihrer ihres im immer in ins ist ja je jede jedem jeden jeder jedes jetzt
    kann kannst können könnte man manche manchem manchen mancher manches mal mehr mein meine meinem
    meinen meiner meines mich mir mit muss musste müssen nach nachdem naja nein noch nun nur ob oder
    ohne sehr sein seine seinem seinen seiner seines seit selbst sich sie sind so soll sollte sondern sonst
    über um und uns unser unsere unter viel viele vom von vor wann war waren wäre warum was weil welche
    welchem welchen welcher welches wenn wer werde werden wie wieder will wir wird wirklich wo wollen
    wurde wurden würde zu zum zur zwar zwischen eher echt ganz gerade halt etwa eigentlich total
    schon mich sowieso trotzdem leider einfach mfg gruß grüße danke dank euer eure ok okay
    sein haben werden können müssen sollen wollen dürfen mögen geben machen lassen
    nicht kein keine keinen keinem keiner nichts nie niemals
    """
)

ENGLISH_STOP_WORDS: frozenset[str] = frozenset(_SKLEARN_ENGLISH) | _words(
    """
    im i'm i've it's don't didn't doesn't isn't wasn't can't won't just really also got get like
    bit lot pretty quite ve ll re did does usually actually definitely overall thing things way
    """
)

# Words that occur in one language only (no "in", "so", "also", "was", "die", "war", "an", "will", "man").
GERMAN_FUNCTION_WORDS: frozenset[str] = _words(
    """
    der das und ist nicht ich es ein eine einen einem mit auf für sich dem den des auch noch sehr
    aber wurde wird sind hat habe haben schon nur zu zum zur kein keine ganz immer wieder oder mir
    mich wir sie bei nach vom von beim hätte wäre über doch leider gut gerne alles kam
    """
)
ENGLISH_FUNCTION_WORDS: frozenset[str] = _words(
    """
    the and is not it this that with for were are have has had of to my i you they we very but
    too just would could should be been at on from its it's i'm don't didn't really all what
    """
)

# Function words of languages whose comments the app cannot read (no lexicon, no lemmas): a comment
# rich in them is counted and left out of themes and text tone. Words shared with German or English
# ("in", "die", "is", "no", "also", "war") are left out, so they never outvote those two.
OTHER_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": _words(
        """
        le la les est et une un pour pas très je nous vous avec dans que qui sur mais ce cette été
        était sont au aux du il elle ne tout trop peu bien mon ma mes notre votre leur ont avait fait
        """
    ),
    "es": _words(
        """
        el los las una por para muy pero que del está fue son mi lo al se su sus nos
        todo bien nada porque como cuando también hay estaba tengo
        """
    ),
    "it": _words(
        """
        il lo gli è di che non molto sono della del ma anche questo questa ho mi si sempre
        tutto bene male niente perché quando stato stata era nel alla
        """
    ),
    "nl": _words(
        """
        de het een en niet van ik met voor op zijn dat maar heel erg wel ook geen te naar bij om
        wij jullie hun deze dit waren werd wordt goed slecht
        """
    ),
    "pt": _words(
        """
        os é uma não muito com para por que mas foi são está meu minha nos dos
        tudo bem nada porque quando também tem estava
        """
    ),
}

NEGATIONS: frozenset[str] = _words(
    """
    nicht kein keine keinen keinem keiner keines nie niemals nichts ohne weder
    not no never none nothing nobody without neither nor cannot cant dont doesnt didnt isnt wasnt
    arent werent wont wouldnt couldnt shouldnt aint n't
    """
)
EXCESS_WORDS: frozenset[str] = frozenset({"zu", "too", "overly"})
