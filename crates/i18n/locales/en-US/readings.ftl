## How Qorgau reads the shipped documents and imported acts: the day each applies from, and
## every place where the text needed a reading. Shown on the law's pages and by the import.

law-basis-000 = The text gives the Law's date (7 January 2005) and not the day it took effect; that date is used.
law-basis-202-viii = The text gives only the date of the amending Law (30 June 2025). Kazakhstan's laws take effect ten calendar days after their first official publication unless they say otherwise, and publication cannot precede adoption, so 10 July 2025 is the earliest day the exclusion can apply; Qorgau uses it until the official date is entered.
law-basis-738 = Paragraph 5 of the order: in force ten calendar days after the date of its first official publication. The text gives the order's date (25 December 2020), not the day it was published; publication cannot precede signature, so 4 January 2021 (ten calendar days after 25 December 2020) is the earliest day it can apply, and Qorgau reads it from that day until the official date is entered.
law-basis-753 = Order No. 753 of 5 September 2022 repealed Order No. 738 and takes effect ten calendar days after the date of its first official publication. Its publication date is not in the corpus; publication cannot precede signature, so 15 September 2022 is the earliest day the repeal can apply, and Qorgau reads Order No. 738 as lapsed from that day until the official date is entered. The text of Order No. 753 is not in the corpus: decisions made under Order No. 738 after that day say that their source has lapsed.
law-basis-002 = Article 30.1: in force ten calendar days after the first publication, whose date the text does not give; publication cannot precede adoption (6 January 2012), so 16 January 2012 is the earliest possible day and is used.
law-basis-003 = A summary page, not an act: read as stating the law from its last update, 19 November 2025.
law-basis-004 = The page is undated; it is read as in force for every date Qorgau works with (from 2020).
law-basis-imported = Given when the act was imported.
law-basis-as-written = { $text }
law-reading-000-heading = The first line joins the article's heading and the Law's title; the heading is the part before "The Law on Defense".
law-reading-000-signature = The site's signature block after item 27) (the Law's date, purpose and signatory) is not part of Article 22.
law-reading-000-inserted = Inserted items (2-1, 26-34, ...) carry no date of insertion in the text; they are read as in force with the Law.
law-reading-000-order = Item 5-5) stands before 5-4) in the source; both are kept in the source's order.
law-reading-000-amendment-note = "- Excluded by the Law ... dated June 30, 2025 No. 202-VIII SAM" is an amendment note, not text; "SAM" is a site artefact.
law-reading-001-order = The order's own paragraphs are under order_738; the Rules it approves are the act's body, so the Rules' paragraph 13 is para_13.
law-reading-001-indented = In this source paragraph and point lines are indented and wrapped lines are not; an unindented number is running text.
law-reading-001-signature = The signature, the approval stamp and the Rules' title between the order and Chapter 1 are not clauses.
law-reading-001-appendix-label = Appendix 1 lost its label in the source (only "to the Rules for ensuring the" remains); that line starts Appendix 1.
law-reading-001-forms = The appendices are forms: their text is kept whole, without structure.
law-reading-002-preamble = The text before Chapter 1 is the preamble (the act's own text).
law-reading-002-article-3 = "Chapter 3. Principles of national security" stands where Article 3 belongs (between Articles 2 and 4, inside Chapter 1, and Chapter 3 begins later with the powers of the President); it is read as Article 3.
law-reading-002-chapter-4 = The source has no "Chapter 4" heading: Articles 19 to 25 stay in Chapter 3 as written.
law-reading-002-signature = The signature block (President, place, date and number) is not a clause; it gives the date of adoption.
law-reading-003-sections = Headings alone between blank lines open sections (sec_N, numbered in order); lines are paragraphs; numbered lines are points of the paragraph before; bullets are items.
law-reading-003-chrome = The text before the first paragraph (navigation, title, "Last update") and the portal's widgets after the last ("Help", visitor counters, the error-report form) are page chrome.
law-reading-004-lines = The first line is the page's title. Each further line is a paragraph (para_N); the numbered functions are points of the paragraph that introduces them.
law-reading-paragraph-gap = { $unit }: paragraph { $number } follows paragraph { $previous }; the numbers between are not in the source
law-reading-point-gap = { $unit }: point { $number } follows point { $previous }; the numbers between are not in the source
law-reading-glued-point = { $unit }: "{ $line }" glues point 1) to its lead-in; they are read as two lines
law-reading-repeated-paragraph = { $unit }: a second paragraph numbered { $written }. follows the list of paragraph { $written }; it is read as paragraph { $number }
