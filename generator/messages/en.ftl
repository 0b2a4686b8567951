# English messages of the generator's editors' tools (check, build, new, serve, explain).
# The Indonesian catalogue, id.ftl, has the same ids; a test keeps the two in step.
# K#### ids are the stable codes of content problems (generator/src/messages/codes.rs):
# the value is the message, .hint what to do, .title a name for the kind of problem and
# .explain the text of `generator explain CODE`, with a wrong and a right example.

## Labels and summaries

label-error = error
label-warning = warning
label-hint = hint
did-you-mean = did you mean `{ $suggestion }`?
summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
summary-explain = For more about a problem, run `generator explain CODE` (e.g. `generator explain K0102`).
check-ok = ok: { $provinces } provinces, { $issues } issues, { $news } news, { $pages } pages, { $files } output files; { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
build-failed = build failed; `{ $out }` was left as it was
build-done = built { $pages } pages ({ $provinces } provinces, { $issues } issues, { $news } news, { $pagecount } pages; { $files } files, { $kb } KB{ $warnings ->
        [0] {""}
        [one] , 1 warning
       *[other] , { $warnings } warnings
    }) into { $out }/ in { $seconds } s
new-next = next: fill in every field marked Wajib (required) and replace the italic instruction lines, then run `{ $check }` (it reports errors until the files are filled in)
new-invalid-slug = `{ $value }` cannot be used as the { $what ->
        [issue] issue
        [news] news
       *[province] province
    } slug: use only lowercase letters a-z, digits 0-9 and single dashes, e.g. `kalimantan-barat`
new-no-content = the content folder `{ $dir }` does not exist (run from the repository root or pass --content DIR)
new-no-province = there is no province folder `{ $dir }`; create the province first with `generator new province { $province }`
new-exists = `{ $path }` already exists; nothing was written (edit that file, or choose another name)
new-news-slug-taken = the news item `{ $existing }` already uses the name `{ $slug }` (news addresses leave out the date); nothing was written, choose another name
new-io = cannot { $what ->
        [mkdir] create the folder
        [readdir] read the folder
        [create] create
       *[write] write
    } `{ $path }`: { $detail }
new-news-date = the news item is dated { $date } by its file name: rename both files if it belongs to another day
serve-overlay = Build failed: the last good build is shown. Fix the problem and save; this page reloads.
serve-failed = build failed; still serving the last good build
serve-built = built { $pages } pages in { $seconds } s
serve-updated = updated { $names } ({ $files } files) in { $ms } ms
serve-write-failed = the site could not be written into the served folder: { $error }
studio-written = ok: the editing studio is written into { $out } ({ $files } files); open it at /admin/ of the site
explain-unknown = there is no problem code `{ $code }`; codes look like K0102 and are shown beside each message of `generator check`
dir-missing = the { $what ->
        [content] content
       *[theme] theme
    } folder `{ $dir }` does not exist (run from the repository root or pass { $flag } DIR)

## K01: reading YAML

K0101 = the YAML is not well formed here: { $detail }
    .hint = check the indentation (spaces, never tabs), the colon after each field name, and put quotes around values that contain `: ` or start with a special character
    .title = YAML syntax error
    .explain = A YAML file (or the front matter of a Markdown file) could not be read. The usual causes
    are a tab used for indentation, a value that contains `: ` without quotes, or a value that
    starts with a special character such as `@`, `*`, `&` or `[` without quotes.

    Wrong:
        title: Stunting: angka tinggi
    Right:
        title: "Stunting: angka tinggi"

K0102 = unknown field `{ $field }`, expected one of: { $expected }
    .hint = check the spelling of the field name, or remove it; the fields this place accepts are listed in the message
    .title = Unknown field
    .explain = Every file accepts a fixed list of fields. A misspelt field is never silently ignored: it
    is an error at its line, and the message lists the fields that place accepts. In a
    translation (`.en.md`) only `title` and `summary` are accepted: facts live in the
    Indonesian file.

    Wrong:
        titel: Stunting
    Right:
        title: Stunting

K0103 = missing field `{ $field }`
    .hint = add the missing field (see the other files of the same kind, or the field tables of the editors' guide)
    .title = Missing field
    .explain = A required field is not in the file. The editors' guide lists, for each kind of file,
    which fields are required.

    Wrong (an issue without sources):
        title: Stunting
        topic: kesehatan
    Right:
        title: Stunting
        topic: kesehatan
        sources:
          - title: Rilis FGD
            url: https://menpan.go.id/...

K0104 = missing field `{ $field }`: this file has no front matter
    .hint = start the file with a line `---`, then the fields, then another `---`
    .title = No front matter
    .explain = Markdown files of issues, news and pages start with front matter: the fields between
    two lines `---`. Without it, the required fields are missing.

    Wrong:
        # Stunting
        Angka stunting ...
    Right:
        ---
        title: Stunting
        ---
        Angka stunting ...

K0105 = duplicate field `{ $field }`
    .hint = a field may appear only once: remove one of them
    .title = Field written twice
    .explain = The same field is written twice in one place; only one can count, so neither is taken.

    Wrong:
        title: Stunting
        title: Stunting di Kalbar
    Right:
        title: Stunting di Kalbar

K0106 = { $field ->
        [none] wrong kind of value
       *[other] `{ $field }`: wrong kind of value
    }: { $detail }
    .hint = for example a list (`[a, b]` or lines starting with `- `) where one text was expected, or text where a number was expected; numbers are written without quotes (wave: 2), codes with quotes (code: "61")
    .title = Wrong kind of value
    .explain = The value has the wrong kind: text where a number is expected, one text where a list
    is expected, or the other way round.

    Wrong:
        wave: dua
        agencies: Dinas Kesehatan
    Right:
        wave: 2
        agencies: [Dinas Kesehatan]

K0107 = `{ $field }`: `{ $value }` is not one of the allowed values: { $expected }
    .hint = use one of the values listed in the message
    .title = Value not among the choices
    .explain = Some fields take one of a few fixed words, always in English, for example `status`
    (validated or pending).

    Wrong:
        status: tervalidasi
    Right:
        status: validated

K0108 = `{ $field }`: `{ $value }` is not a valid date ({ $reason ->
        [range] that day does not exist
       *[format] it is not written as YYYY-MM-DD
    })
    .hint = write dates as YYYY-MM-DD, for example 2023-04-11, and check the day exists in that month
    .title = Invalid date
    .explain = Dates are written year-month-day with four, two and two digits, and the day must exist.

    Wrong:
        validated_on: 11-04-2023
        validated_on: 2023-02-30
    Right:
        validated_on: 2023-04-11

K0109 = the front matter opened with `---` is never closed
    .hint = add a line with only `---` after the last field of the front matter
    .title = Front matter not closed
    .explain = Front matter starts with a line `---` and ends with the next line `---`. Without the
    closing line the whole file would be read as fields.

    Wrong:
        ---
        title: FAQ
        summary: Pertanyaan umum.
        Isi halaman ...
    Right:
        ---
        title: FAQ
        summary: Pertanyaan umum.
        ---
        Isi halaman ...

## K02: files and their names

K0201 = cannot read this file or folder: { $error }
    .hint = check that the file exists and that you may read it
    .title = Unreadable file
    .explain = The file or folder could not be opened, usually because of its permissions or because
    it disappeared while the check ran. Check the file in your copy of the repository.

    Wrong: a file that only its owner may read.
    Right: a file that everybody may read (the default when it is created through GitHub).

K0202 = this file is not valid UTF-8 text
    .hint = save the file as UTF-8 (most editors offer this under "Save with encoding"); images and documents go in an images/ or files/ folder beside the page that uses them, e.g. provinces/<province>/images/
    .title = Not UTF-8 text
    .explain = Content files are text in UTF-8. A file saved in another encoding (for example by an
    old Windows editor), or a binary file among the text files, cannot be read.

    Wrong: stunting.md saved as "Windows-1252", or peta.png inside issues/.
    Right: stunting.md saved as "UTF-8"; peta.png in provinces/<province>/images/.

K0203 = this file name is not valid UTF-8
    .hint = rename the file using only a-z, 0-9 and -
    .title = File name not UTF-8
    .explain = The name of the file cannot be read as text. Rename it with lowercase letters, digits
    and dashes.

    Wrong: a name with characters from an old encoding.
    Right: air-bersih.md

K0204 = `{ $name }` cannot be used in a web address
    .hint = rename the file or folder using only lowercase letters a-z, digits 0-9 and single dashes, e.g. `kalimantan-barat`
    .title = Name not usable in a web address
    .explain = File and folder names become web addresses. They may hold only lowercase letters a-z,
    digits and single dashes inside the name.

    Wrong:
        provinces/Kalimantan_Barat/issues/Air Bersih.md
    Right:
        provinces/kalimantan-barat/issues/air-bersih.md

K0205 = news file names must start with a date: { $reason ->
        [date] `{ $value }` is not a real date
       *[prefix] the name does not start with YYYY-MM-DD-
    }
    .hint = name news files YYYY-MM-DD-slug.md, e.g. 2023-04-12-fgd-kalimantan-barat.md, with a real date
    .title = News file name without a date
    .explain = A news item takes its date from its file name: year-month-day, a dash, then the part
    used in its web address.

    Wrong:
        news/fgd-kalbar.md
        news/2023-02-30-fgd-kalbar.md
    Right:
        news/2023-04-11-fgd-kalbar.md

K0206 = this file is not used by the site
    .hint = content files go in: site.yaml, topics.yaml, form.yaml, search.yaml, provinces/<province>/province.yaml, index.md, issues/<issue>.md, news/<YYYY-MM-DD>-<slug>.md, pages/<page>.md (each .md may have a .en.md translation); check the name and folder
    .title = File not used
    .explain = The file sits in a place, or has a name, that the site does not read. It is probably
    misnamed or in the wrong folder.

    Wrong:
        provinces/banten/stunting.md
    Right:
        provinces/banten/issues/stunting.md

K0207 = the content folder `{ $dir }` does not exist
    .hint = run the command from the repository root, or pass --content with the folder that holds site.yaml
    .title = No content folder
    .explain = The command looks for the content in the folder `content` of the current folder,
    unless --content names another.

    Wrong: running `generator check` inside content/.
    Right: running `generator check` in the repository's top folder.

K0208 = `{ $name }` is missing from the content folder
    .hint = every site needs site.yaml, topics.yaml and form.yaml at the top of the content folder
    .title = Site file missing
    .explain = Three files describe the whole site: site.yaml, topics.yaml and form.yaml. Each must be
    at the top of the content folder. The other files are still checked without it.

    Wrong: content/config/site.yaml
    Right: content/site.yaml

K0209 = province.yaml is missing
    .hint = every province folder needs a province.yaml with its code, name, capital and sources
    .title = Province facts missing
    .explain = A province folder holds its facts in province.yaml. Without it the province cannot be
    shown; its other files are still checked.

    Wrong: provinces/banten/ with only index.md
    Right: provinces/banten/province.yaml and provinces/banten/index.md

K0210 = index.md is missing
    .hint = every province folder needs an index.md with the province's narrative
    .title = Province narrative missing
    .explain = A province folder holds its narrative in index.md (and its translation in
    index.en.md).

    Wrong: provinces/banten/ with only province.yaml
    Right: provinces/banten/province.yaml and provinces/banten/index.md

K0211 = this translation has no Indonesian original `{ $original }`
    .hint = write the Indonesian file first, or rename this file so that it matches its original (e.g. stunting.md and stunting.en.md)
    .title = Translation without original
    .explain = An English file `x.en.md` translates the Indonesian file `x.md` beside it. The names
    must match exactly.

    Wrong:
        issues/air.md
        issues/air-bersih.en.md
    Right:
        issues/air-bersih.md
        issues/air-bersih.en.md

K0212 = no English translation (`{ $translation }`)
    .hint = the English page will show the Indonesian text with a notice until the translation is written
    .title = Translation not written yet
    .explain = A warning only: the English site shows the Indonesian text with a notice until the
    translation `x.en.md` exists.

    Wrong (a warning): issues/stunting.md alone.
    Right: issues/stunting.md and issues/stunting.en.md

K0213 = this translation has no title
    .hint = add `title: …` with the English title to the front matter
    .title = Translation without title
    .explain = The translation of an issue or a news item needs its English title.

    Wrong:
        ---
        summary: Stunting in West Kalimantan.
        ---
    Right:
        ---
        title: Stunting
        summary: Stunting in West Kalimantan.
        ---

K0214 = a province narrative has no title
    .hint = remove `title:` from this file's front matter; the page title is the province's name
    .title = Narrative with a title
    .explain = The title of a province page is the province's name from province.yaml; its narrative
    (index.md, index.en.md) has no title of its own.

    Wrong:
        title: Banten
        summary: ...
    Right:
        summary: ...

K0215 = this text contains a control character ({ $char })
    .hint = delete the invisible character (often pasted from a PDF or a word processor) and type the text again
    .title = Control character in text
    .explain = Text may not contain invisible control characters such as NUL (U+0000) or form feeds:
    they break pages and feeds. Tabs and line ends are fine.

    Wrong: a line pasted from a PDF with an invisible U+000C.
    Right: the same line typed again.

K0216 = this file is { $size } KB; Markdown files may be at most { $limit } KB
    .hint = split the text into several pages, or move data tables to a downloadable file in files/
    .title = File too large
    .explain = A page that large is too slow for readers on phones, and is usually a mistake (a
    pasted document). Markdown files may be at most 1024 KB; images and documents have their own
    limits.

    Wrong: a 20 MB Markdown file with a pasted report.
    Right: a short page that links to the report at its publisher.

K0217 = this is a symbolic link; it is not followed
    .hint = replace the link with the file itself, or remove it
    .title = Symbolic link
    .explain = Content files must be real files in the content folder. Links to other places are not
    followed, so what they point at is not published.

    Wrong: provinces/banten/issues/air.md pointing at a file elsewhere.
    Right: the file itself in provinces/banten/issues/.

K0218 = `{ $file }` is { $size } KB; { $kind ->
        [image] an image
       *[document] a document
    } may be at most { $limit } KB
    .hint = { $kind ->
        [image] make the image smaller (1600 pixels wide is enough for any screen) or save it as JPEG or WebP
       *[document] make the document smaller (for example "Save as… / Reduce file size" for a PDF), or link to it on its publisher's site
    }
    .title = Image or document too large
    .explain = An image may be at most 2048 KB (2 MB) and a document at most 10240 KB (10 MB): readers on
    phones pay for every byte, and files that big make the repository heavy. The size is checked
    before the file is read.

    Wrong: provinces/banten/images/foto.png, a 30 MB camera photo.
    Right: the same photo resized to 1600 pixels wide and saved as JPEG (about 300 KB).

K0219 = `{ $file }` is not { $expected } but { $found ->
        [text] text
        [damaged] a damaged or empty image
        [unknown] of an unknown type
       *[other] { $found }
    }
    .hint = the type of a file is read from its contents, not its name: save the original again as { $expected }, or give it a name that matches its contents
    .title = File contents do not match its type
    .explain = The ending of a file name (.png, .jpg, .pdf) must match what is inside. A file that was
    only renamed, a text file with an image ending, or a damaged image is refused.

    Wrong: images/peta.png that is really a text file, or a JPEG photo named foto.png.
    Right: a JPEG photo named foto.jpg; a PNG map named peta.png.

K0220 = file `{ $file }` is of type .{ $ext }, which is not accepted
    .hint = { $ext ->
        [svg] SVG can carry script, so it is not published: save the picture as PNG
       *[other] images: PNG, JPEG, WebP or GIF; documents: PDF
    }
    .title = File type not accepted
    .explain = The images/ and files/ folders take PNG, JPEG (.jpg, .jpeg), WebP and GIF images, and PDF
    documents. SVG is refused because it can carry script; Word or Excel documents are refused
    because not every reader can open them: save them as PDF.

    Wrong: files/laporan.docx, images/logo.svg.
    Right: files/laporan.pdf, images/logo.png.

K0221 = this image or document is not in an images/ or files/ folder
    .hint = move it into an images/ folder (pictures) or files/ folder (documents) beside the page that uses it, e.g. provinces/<province>/images/
    .title = Image or document outside its folder
    .explain = Images and documents are kept in a folder named images/ or files/, beside the Markdown
    file that uses them. Outside those folders every file is read as text.

    Wrong: provinces/banten/peta.png.
    Right: provinces/banten/images/peta.png, written ![Peta Banten](images/peta.png) in index.md.

K0222 = no page shows or links this image or document
    .hint = show or link it from a page (e.g. ![Peta](images/peta.png)), or delete the file; it is published all the same
    .title = Image or document unused
    .explain = A file in an images/ or files/ folder that no page shows or links is still published, but
    readers cannot find it. Usually the name in the Markdown file is misspelt, or the file was left
    behind when a page changed.

    Wrong: provinces/banten/images/peta-lama.png mentioned nowhere.
    Right: delete the file, or write ![Peta lama Banten](images/peta-lama.png) in index.md.

## K03: values and rules across files

K0301 = `{ $field }` is empty
    .hint = { $kind ->
        [source] write the source's title as the source gives it, or remove that source from `sources`
       *[other] write the text between the quotes, or remove the file if it is not ready
    }
    .title = Empty required text
    .explain = A required text is present but empty (as `generator new` writes it): a half-filled
    file must not reach the public site.

    Wrong:
        summary: ""
    Right:
        summary: Angka stunting masih di atas target nasional.

K0302 = source `{ $url }` is not a web address
    .hint = sources need a full address starting with https:// (or http://), e.g. https://menpan.go.id/…
    .title = Source without a web address
    .explain = Every source is a public web page, written as its full address.

    Wrong:
        url: menpan.go.id/berita
    Right:
        url: https://menpan.go.id/berita

K0303 = languages must be [id, en], found [{ $found }]
    .hint = write `languages: [id, en]`: Indonesian is served at / and English under /en/
    .title = Wrong languages
    .explain = The site has two languages, Indonesian first.

    Wrong:
        languages: [en, id]
    Right:
        languages: [id, en]

K0304 = `{ $field }` `{ $url }` is not a web address
    .hint = write a full address starting with https://
    .title = Site address invalid
    .explain = base_url and submit_url in site.yaml are full web addresses.

    Wrong:
        base_url: winner.menpan.go.id
    Right:
        base_url: https://winner.menpan.go.id

K0305 = `base_url` must not end with `/`
    .hint = remove the final slash, e.g. https://winner.menpan.go.id
    .title = Base address ends with a slash
    .explain = The site's addresses are made by adding paths to base_url, which therefore has no final
    slash.

    Wrong:
        base_url: https://winner.menpan.go.id/
    Right:
        base_url: https://winner.menpan.go.id

K0306 = stage slug `{ $slug }` cannot be used in a web address
    .hint = use only lowercase letters a-z, digits 0-9 and single dashes
    .title = Stage slug invalid
    .explain = A stage's slug becomes an anchor of the stages page.

    Wrong:
        slug: Tahap 1
    Right:
        slug: tahap-1

K0307 = two stages have the slug `{ $slug }`
    .hint = give every stage its own slug
    .title = Stage slug used twice
    .explain = Every stage needs its own slug, or links to one stage would open another.

    Wrong: two stages with slug: penilaian
    Right: slug: penilaian-awal and slug: penilaian-akhir

K0308 = stage `{ $slug }` ends before it starts
    .hint = check the starts and ends dates
    .title = Stage dates reversed
    .explain = A stage's last day cannot come before its first.

    Wrong:
        starts: 2023-06-11
        ends: 2023-04-12
    Right:
        starts: 2023-04-12
        ends: 2023-06-11

K0309 = topic slug `{ $slug }` cannot be used in a web address
    .hint = use only lowercase letters a-z, digits 0-9 and single dashes
    .title = Topic slug invalid
    .explain = A topic's slug becomes its web address (/topik/<slug>/).

    Wrong:
        slug: Air Bersih
    Right:
        slug: air-bersih

K0310 = two topics have the slug `{ $slug }`
    .hint = give every topic its own slug
    .title = Topic slug used twice
    .explain = Two topics with one slug would share one web address.

    Wrong: two topics with slug: kesehatan
    Right: slug: kesehatan and slug: kesehatan-ibu-anak

K0311 = province code `{ $code }` is not two digits
    .hint = use the two-digit Kemendagri code in quotes, e.g. code: "61"
    .title = Province code not two digits
    .explain = Province codes are the two-digit codes of the Ministry of Home Affairs (Kemendagri).

    Wrong:
        code: "6100"
    Right:
        code: "61"

K0312 = the province code must be written in quotes
    .hint = write the code in quotes, e.g. code: "61", so that codes like "06" keep their zero
    .title = Province code without quotes
    .explain = Without quotes, YAML reads a code as a number and a leading zero would be lost.

    Wrong:
        code: 61
    Right:
        code: "61"

K0313 = province code `{ $code }` is already used by `{ $other }`
    .hint = every province has its own Kemendagri code; check which one is right
    .title = Province code used twice
    .explain = Two province folders have the same code; the map would colour one shape for both.

    Wrong: banten and kalimantan-barat both with code: "61"
    Right: banten with "36", kalimantan-barat with "61"

K0314 = province code `{ $code }` belongs to { $official }, not to { $name }
    .hint = { $expected ->
        [none] check the province's name and code in the official Kemendagri list (see the sources in province.yaml)
       *[other] the official code of { $name } is "{ $expected }"
    }
    .title = Province code of another province
    .explain = The code must match the province's name in the official Kemendagri list that the map
    uses; otherwise the map labels the wrong shape.

    Wrong:
        code: "36"
        name: Kalimantan Barat
    Right:
        code: "61"
        name: Kalimantan Barat

K0315 = `not_before` is only for a window whose opening day is unknown, but `opens` is given
    .hint = keep `opens` (the day a source states) and delete `not_before`
    .title = Window with two starts
    .explain = A proposals window says when it opens (opens) or, when no source states the first day,
    the earliest day a source allows (not_before); never both.

    Wrong:
        proposals:
          opens: 2023-04-12
          not_before: 2023-03-01
    Right:
        proposals:
          opens: 2023-04-12

K0316 = the proposals window has no opening day and no earliest day
    .hint = write `opens:` when a source states the first day; otherwise `not_before:` the earliest day a source allows (e.g. the competition's launch), with the source in a comment
    .title = Window without a start
    .explain = The site never calls a window open before a day some source allows.

    Wrong:
        proposals:
          closes: 2023-06-11
    Right:
        proposals:
          not_before: 2023-03-01
          closes: 2023-06-11

K0317 = proposals close before they open
    .hint = check the opens (or not_before) and closes dates
    .title = Window dates reversed
    .explain = The closing day of a proposals window cannot come before its opening day.

    Wrong:
        opens: 2023-06-11
        closes: 2023-04-12
    Right:
        opens: 2023-04-12
        closes: 2023-06-11

K0318 = `issues_stated` has a count of 0
    .hint = write the number of issues the source states, or delete `issues_stated`
    .title = Stated count of zero
    .explain = issues_stated records a number a source states; zero is never such a number.

    Wrong:
        issues_stated:
          count: 0
    Right:
        issues_stated:
          count: 5
          source: https://menpan.go.id/...

K0319 = `issues_stated` cites `{ $url }`, which is not one of this province's sources
    .hint = add that source under `sources:`, or copy the URL of the listed source that states the count
    .title = Stated count from an unlisted source
    .explain = The count's source must be listed among the province's sources, so readers can check
    it.

    Wrong: issues_stated.source with an address that sources does not list.
    Right: the same address under sources as well.

K0320 = there is no topic `{ $topic }` in topics.yaml
    .hint = use one of: { $topics }
    .title = Unknown topic
    .explain = An issue's topic is the slug of one of the topics in topics.yaml.

    Wrong:
        topic: gizi-buruk
    Right:
        topic: kesehatan

K0321 = a pending issue cannot have a validation date
    .hint = either set `status: validated` or remove `validated_on`
    .title = Pending issue with a validation date
    .explain = validated_on is the day an issue was validated; a pending issue has none yet.

    Wrong:
        status: pending
        validated_on: 2023-04-11
    Right:
        status: validated
        validated_on: 2023-04-11

K0322 = there is no province `{ $province }`
    .hint = use the name of a folder under provinces/, e.g. kalimantan-barat
    .title = Unknown province
    .explain = A news item names the provinces it is about by their folder names.

    Wrong:
        provinces: [Kalimantan Barat]
    Right:
        provinces: [kalimantan-barat]

K0323 = `{ $slug }` has the same slug as { $other }
    .hint = news web addresses use the part after the date: give this item another name
    .title = News slug used twice
    .explain = A news item's web address is the part of its file name after the date, so two items
    with the same part would share one address.

    Wrong:
        news/2023-04-11-fgd.md
        news/2023-05-02-fgd.md
    Right:
        news/2023-04-11-fgd-kalbar.md
        news/2023-05-02-fgd-banten.md

K0324 = `{ $slug }` cannot be used in a web address
    .hint = use only lowercase letters a-z, digits 0-9 and single dashes
    .title = English page slug invalid
    .explain = The slug of a page's translation becomes its English web address (/en/<slug>/).

    Wrong:
        slug: About Us
    Right:
        slug: about

K0325 = the English slug `{ $slug }` is also used by pages/{ $other }.en.md
    .hint = give every page its own English slug
    .title = English page slug used twice
    .explain = Two translations with the same slug would share one English address.

    Wrong: tentang.en.md and profil.en.md both with slug: about
    Right: slug: about and slug: profile

K0326 = the form cannot be enforced: { $detail }
    .hint = the form must be one the submission service can check; fix the field as the message says (see the comment at the top of form.yaml)
    .title = Form definition problem
    .explain = form.yaml defines the proposal form; the submission service checks every answer
    against it, so every text field needs a maximum length and every choice its options. Ask the
    technical team when in doubt.

    Wrong:
        - name: ringkasan
          type: textarea
    Right:
        - name: ringkasan
          type: textarea
          max_length: 2000

K0327 = wave { $wave } is not a wave of the competition (known: { $waves })
    .hint = write the wave the province took part in, or delete `wave`
    .title = Unknown wave
    .explain = The 2023 competition ran in two waves (gelombang I and II); a province belongs to one
    of them, or the field is left out when no source says.

    Wrong:
        wave: 3
    Right:
        wave: 2

K0328 = `validated_on` { $date } differs from the province's validation meeting ({ $meeting })
    .hint = check both dates against the source; issues are usually validated at the province's meeting
    .title = Validation date differs from the meeting
    .explain = A warning: an issue validated on another day than the province's validation meeting is
    possible but rare, and usually a typing mistake.

    Wrong (a warning):
        validated_on: 2023-04-12
    Right (province.yaml says validation: date: 2023-04-11):
        validated_on: 2023-04-11

K0329 = a placeholder of `generator new` is still here: { $text }
    .hint = replace the instruction with real text, or delete the line
    .title = Placeholder left in
    .explain = `generator new` writes instruction lines (in italics, starting with "Tulis" or
    "Ganti") and TODO markers for you to replace. None may reach the public site.

    Wrong:
        _Tulis di sini masalahnya: siapa yang terdampak, di mana, seberapa besar._
    Right:
        Prevalensi stunting di Kalimantan Barat 27,8 % (SSGI 2022).

K0330 = `{ $field }` is cut at `#`: only `{ $value }` is read
    .hint = put the whole value in quotes: { $field }: "{ $full }"
    .title = Value cut at `#`
    .explain = In YAML, ` #` starts a comment: whatever follows is ignored. A title containing `#`
    must be written in quotes.

    Wrong:
        title: Isu #1 Kalbar
    Right:
        title: "Isu #1 Kalbar"

K0331 = `{ $name }` would replace the site's own page { $url }
    .hint = choose another name: { $reserved } are the site's own pages
    .title = Reserved page name
    .explain = Some addresses belong to pages the site makes itself: /provinsi/, /berita/, /topik/,
    /ajukan/, /cari/ and, in English, /en/provinces/, /en/news/, /en/topics/, /en/apply/ and
    /en/search/. A page with one of these names would replace them.

    Wrong:
        pages/berita.md
        slug: provinces
    Right:
        pages/kabar-kompetisi.md
        slug: competition-news

K0332 = two files would write { $url }: this one and { $other }
    .hint = rename one of them so that each has its own web address
    .title = Two files, one address
    .explain = Every file becomes a page at its own address. When two would write the same address,
    neither can win: the build stops so that it never depends on chance.

    Wrong:
        pages/tentang.en.md with slug: about
        pages/profil.en.md with slug: about
    Right:
        slug: about and slug: profile

K0333 = this sentence states whether a window is open: `{ $phrase }`
    .hint = the site writes a window's state from province.yaml and today's date; state dates and facts instead ("the first wave's window closed on 11 June 2023" belongs in province.yaml, not in prose)
    .title = Window state in prose
    .explain = Whether proposals are accepted is shown from the proposals window in province.yaml and
    today's date. Prose that says so goes out of date and contradicts the status beside it.

    Wrong:
        Pendaftaran ditutup pada 11 Juni 2023.
    Right:
        proposals:
          opens: 2023-04-12
          closes: 2023-06-11

K0334 = entry { $entry } of `synonyms` has no `{ $key }`
    .hint = write at least one word or phrase, e.g. `terms: [kalbar]` and `means: [Kalimantan Barat]`
    .title = Search synonym without words
    .explain = Each entry of search.yaml links words people type (`terms`) to words on the pages
    (`means`). An entry without one side does nothing for search.

    Wrong:
        - terms: [kalbar]
    Right:
        - terms: [kalbar]
          means: [Kalimantan Barat]

K0335 = `{ $key }` of entry { $entry } has an empty item
    .hint = remove the empty item
    .title = Empty item in a search synonym
    .explain = An empty item in `terms` or `means` matches no word; it is usually a stray comma or empty
    quotes.

    Wrong:
        terms: [kalbar, ""]
    Right:
        terms: [kalbar]

K0336 = `{ $term }` is already a term of entry { $first } of `synonyms`
    .hint = a word people type can mean one thing only: keep it in one entry
    .title = Search term in two entries
    .explain = When one word is in two entries, search cannot tell which meaning is meant.

    Wrong:
        - terms: [ntt]
          means: [Nusa Tenggara Timur]
        - terms: [ntt, ntb]
          means: [Nusa Tenggara]
    Right:
        - terms: [ntt]
          means: [Nusa Tenggara Timur]
        - terms: [ntb]
          means: [Nusa Tenggara Barat]

K0337 = province code `{ $code }` is not in the official Kemendagri list the map uses
    .hint = { $expected ->
        [none] check the province's name and code in the official Kemendagri list (see the sources in province.yaml)
       *[other] the official code of { $name } is "{ $expected }"
    }
    .title = Unknown province code
    .explain = A province code is two digits from the official Kemendagri list; the site's map uses the
    same list to mark provinces. A code that is not in that list marks nothing.

    Wrong:
        code: "99"
        name: Banten
    Right:
        code: "36"
        name: Banten

K0338 = the privacy notice does not state the version `{ $version }` that the form's consent refers to
    .hint = write the version in the notice (e.g. "Version: **{ $version }**"), or set `privacy_notice_version` in form.yaml to the notice's own version
    .title = Privacy notice without the form's version
    .explain = Every proposal stores which version of the privacy notice its author consented to
    (`privacy_notice_version` in form.yaml). The notice must state that version in each language,
    so the consent points at a text people can read. Change both together.

    Wrong (form.yaml says "2026-12-07.2"):
        Version: **2026-12-07**
    Right:
        Version: **2026-12-07.2**

K0339 = `organiser_email` is not an email address: `{ $address }`
    .hint = write one address like bappeda@example.go.id, without a name or spaces, or remove the line to send notices to the organiser's address
    .title = Organiser address is not an email address
    .explain = `organiser_email` in province.yaml is where the notice of every proposal for this
    province goes, instead of the organiser's address. It must be one plain address. It
    is published in catalog.json, so use an institution's address, never a person's.

    Wrong:
        organiser_email: Bappeda Banten <bappeda@bantenprov.go.id>
    Right:
        organiser_email: bappeda@bantenprov.go.id

## K04: links and images

K0401 = link `@/{ $target }`: `{ $file }` has no heading with the id `{ $anchor }`
    .hint = { $ids ->
        [none] that page has no headings to link to; link to the page without #…
       *[other] heading ids are made from the heading text, e.g. "## Data dan Sumber" gives #data-dan-sumber; that page has: { $ids }
    }
    .title = Anchor not found on the linked page
    .explain = The part after # names a heading of the linked page, made from its text: lowercase, every
    run of other characters a dash.

    Wrong:
        see the (@/pages/tentang.md#tujuan) section
    Right:
        see the (@/pages/tentang.md#tujuan-kompetisi) section

K0402 = no heading with the id `{ $anchor }` on this page
    .hint = { $ids ->
        [none] this page has no headings to link to
       *[other] heading ids are made from the heading text, e.g. "## Data dan Sumber" gives #data-dan-sumber; this page has: { $ids }
    }
    .title = Anchor not found on this page
    .explain = A link #... points at a heading of the same page, by the id made from its text.

    Wrong:
        see (#data) for figures, with a heading "## Data dan Sumber"
    Right:
        see (#data-dan-sumber) for figures

K0403 = link `{ $url }` uses a web address for a content page
    .hint = link to the content file instead, e.g. (@/provinces/banten/issues/stunting.md): it keeps working when web addresses change and is checked
    .title = Web address instead of a file link
    .explain = A warning: links to the site's own pages are written with the content file's path,
    starting @/, so that they are checked and survive address changes.

    Wrong:
        see (/provinsi/banten/stunting/)
    Right:
        see (@/provinces/banten/issues/stunting.md)

K0404 = link `{ $url }` is not allowed
    .hint = links may be https://… addresses, mailto:, tel:, #heading, content files written as @/provinces/<province>/issues/<issue>.md, or documents in a files/ folder (e.g. files/laporan.pdf)
    .title = Link not allowed
    .explain = Relative paths to other pages and other kinds of link (javascript:, file:) are refused.
    A relative path may only point at images and documents in an images/ or files/ folder.

    Wrong:
        see (../stunting.md)
    Right:
        see (@/provinces/banten/issues/stunting.md)

K0405 = this image has no alt text
    .hint = describe the image between the square brackets, e.g. ![Peta Kalimantan Barat](images/peta.png), for people who cannot see it
    .title = Image without alt text
    .explain = Every image needs a description for people who cannot see it.

    Wrong:
        ![](images/peta.png)
    Right:
        ![Peta Kalimantan Barat](images/peta.png)

K0406 = image `{ $url }` is not served by the site
    .hint = the site never loads files from other hosts; keep the image in an images/ folder beside this page and write its path, e.g. images/peta.png (check first that the picture may be republished)
    .title = Image from another site
    .explain = Images must be files of the site: pages never load anything from another host.

    Wrong:
        ![Peta](https://example.org/peta.png)
    Right:
        ![Peta](images/peta.png)

K0407 = link `@/{ $target }` points at a translation
    .hint = link to the Indonesian file (without .en); English pages link to the English version by themselves
    .title = Link to a translation
    .explain = Links always name the Indonesian file; the English page links to the English version.

    Wrong:
        (@/pages/tentang.en.md)
    Right:
        (@/pages/tentang.md)

K0408 = link `@/{ $target }`: there is no content file `{ $file }`
    .hint = check the path: it starts after the content folder, e.g. @/provinces/kalimantan-barat/issues/stunting.md or @/pages/tentang.md
    .title = Link to a missing file
    .explain = The linked file does not exist: the path is misspelt, or the file was renamed.

    Wrong:
        (@/provinces/banten/issues/air.md)
    Right:
        (@/provinces/banten/issues/air-bersih.md)

K0409 = image `{ $url }` does not exist
    .hint = looked for { $file }; check the file name and folder: images of a province go in provinces/<province>/images/ and are written images/<name> from index.md, ../images/<name> from an issue
    .title = Image file missing
    .explain = The image file the page shows is not in the content folder.

    Wrong:
        ![Peta](images/peta-kalbar.png) with no such file
    Right:
        ![Peta](images/peta.png) with provinces/kalimantan-barat/images/peta.png present

K0410 = linked file `{ $url }` does not exist
    .hint = looked for { $file }; check the file name and folder: documents go in a files/ folder beside their page, e.g. pages/files/laporan.pdf, written files/laporan.pdf from pages/tentang.md
    .title = Linked file missing
    .explain = A file the page links to (a PDF, for example) is not in the content folder. The path is
    read from where the Markdown file is.

    Wrong:
        download [Laporan (PDF)](files/laporan-2023.pdf) with no such file
    Right:
        download [Laporan (PDF)](files/laporan.pdf) with pages/files/laporan.pdf present

K0411 = `{ $url }` does not point into an images/ or files/ folder inside the content folder
    .hint = keep images in an images/ folder and documents in a files/ folder beside the page, then write the path from this Markdown file, e.g. images/peta.png, or ../images/peta.png from an issue
    .title = Image or file outside its folder
    .explain = A page can only show images and link files from an images/ or files/ folder inside the
    content folder. The path is read from where the Markdown file is: from
    provinces/banten/issues/air.md, ../images/peta.png means provinces/banten/images/peta.png.

    Wrong:
        ![Peta](peta.png) or ![Peta](../../../peta.png)
    Right:
        ![Peta](../images/peta.png) with provinces/banten/images/peta.png present

K0412 = `{ $url }` is the studio's shared-library address of { $file }, which the site does not serve
    .hint = write the path from this Markdown file: { $relative }
    .title = Studio library path
    .explain = The studio writes images from its shared library (content/images/) as /images/…, an
    address the site does not have. Images and documents are written with their path from the
    Markdown file; the site publishes them under /media/.

    Wrong:
        ![Logo](/images/logo.png) in provinces/banten/index.md
    Right:
        ![Logo](../../images/logo.png) in provinces/banten/index.md
