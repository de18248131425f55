<!DOCTYPE html>
<html <?php language_attributes(); ?>>
<head>
<meta charset="<?php bloginfo('charset'); ?>">
<?php wp_head(); ?>
</head>
<body <?php body_class(); ?>>
<header class="site-header">
  <a href="<?php echo esc_url(home_url('/')); ?>"><?php bloginfo('name'); ?></a>
  <nav><a href="<?php echo esc_url(home_url('/publications/')); ?>">Publications</a>
  <a href="<?php echo esc_url(home_url('/sample-page/')); ?>">About</a></nav>
</header>
<main id="main-content" class="site-main">
<?php if (is_singular()) :
    while (have_posts()) : the_post(); the_content(); endwhile;
elseif (is_404()) : ?>
<h1>Page not found</h1><p>Sorry, we cannot find the page you are looking for.</p>
<?php else : ?>
<h1>Publications</h1>
<ul class="publication-list">
<?php while (have_posts()) : the_post(); ?>
  <li><a href="<?php the_permalink(); ?>"><?php the_title(); ?></a> <span><?php echo get_the_date(); ?></span></li>
<?php endwhile; ?>
</ul>
<?php the_posts_pagination(); endif; ?>
</main>
<footer class="site-footer"><p>Last updated <?php echo esc_html(gmdate('H:i')); ?></p></footer>
<?php wp_footer(); ?>
</body>
</html>
