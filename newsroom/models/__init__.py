from newsroom.models.comments import Comment
from newsroom.models.pages import NewsIndexPage, NewsPage, NewsPageTag

__all__ = ["Comment", "NewsIndexPage", "NewsPage", "NewsPageTag"]
