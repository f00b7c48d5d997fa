"""Django's own strings whose Hindi we replace: our catalog (LOCALE_PATHS) wins over Django's.

Django's Hindi prints both "AM" and "PM" as "बजे", which loses the half of the day; Hindi news
sites print "10:30 AM". Marking the msgids here keeps them in our catalog when makemessages
runs again (entries it does not find in the code would be dropped as obsolete).
"""

from django.utils.translation import gettext_noop

OVERRIDDEN = (gettext_noop("AM"), gettext_noop("PM"))
