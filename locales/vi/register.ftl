# Lời văn chung (issue 12 mục 9): một dòng của /trogiup. Bản tiếng Việt không kèm tên lệnh tiếng Anh.
help-line = /{ $name }: { $describe }
help-line-alias = /{ $name }: { $describe }
