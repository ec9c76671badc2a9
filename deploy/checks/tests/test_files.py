import os
import tempfile
import unittest

from deploycheck.files import load_yaml, pinned, read_text
from deploycheck.results import Checks


class PinnedTest(unittest.TestCase):

    def test_a_tag_or_digest_pins_an_image(self):
        for image in ("postgres:17", "apache/kafka:4.1.1", "registry.example:5000/team/app:1.2",
                      "app@sha256:0123abcd"):
            with self.subTest(image=image):
                self.assertTrue(pinned(image))

    def test_no_tag_latest_or_only_a_registry_port_does_not(self):
        for image in ("postgres", "postgres:latest", "registry.example:5000/team/app", "app:"):
            with self.subTest(image=image):
                self.assertFalse(pinned(image))


class FilesTest(unittest.TestCase):

    def test_a_missing_file_reads_as_empty(self):
        missing = os.path.join(tempfile.gettempdir(), "deploycheck-no-such-file.yml")
        self.assertEqual({}, load_yaml(missing))
        self.assertEqual("", read_text(missing))


class ChecksTest(unittest.TestCase):

    def test_lines_are_tab_separated_with_the_problems_joined_on_one_line(self):
        checks = Checks()
        checks.check("first", [])
        checks.check("second", ["a\tb", "c"])
        checks.emit(False, "third", "line 1\nline 2")
        self.assertEqual(["ok\tfirst", "FAIL\tsecond\ta b; c", "FAIL\tthird\tline 1 | line 2"], checks.lines())
        self.assertEqual(["second", "third"], checks.failed())


if __name__ == "__main__":
    unittest.main()
